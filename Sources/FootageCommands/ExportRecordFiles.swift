package import Catalogue
package import Exports
import FootageModel
import Foundation

/// The catalogue's own records, as they are stored, for the bag: each clip's probe record and
/// latest analysis, the claims with their links, the verdicts, the marks, the custody log and derived files
/// such as contact sheets.
package struct ExportRecordFiles {
    let records: ExportRecords
    /// Derived files already in the bag as frames (by SHA-256), not repeated under `derived/`.
    var framesInBag: Set<String> = []

    package init(records: ExportRecords, framesInBag: Set<String> = []) {
        self.records = records
        self.framesInBag = framesInBag
    }

    /// A claim as stored, with its links to the exported clips.
    struct ClaimFile: Encodable {
        var claim: StoredClaim
        var links: [ClaimLink]
    }

    struct EventFile: Encodable {
        var event: CustodyEvent
        var clip: String?
        /// SHA-256 of the event's canonical form, which the next event chains to.
        var digest: String
    }

    package func items() throws -> [BagPayloadItem] {
        var items: [BagPayloadItem] = []
        for entry in records.clips {
            let hex = entry.clip.digest.hex
            if let probe = entry.clip.probe?.recordJSON {
                items.append(.data(Data(probe.utf8), as: "probes/\(hex).json"))
            }
            if let analysis = records.analyses.first(where: { $0.clipDigest == entry.clip.digest }) {
                items.append(.data(Data(analysis.reportJSON.utf8), as: "analyses/\(hex).json"))
            }
        }
        items.append(.data(try Self.json(records.claims.map { ClaimFile(claim: $0.stored, links: $0.links) }), as: "claims.json"))
        items.append(.data(try Self.json(records.verdicts), as: "verdicts.json"))
        items.append(.data(try Self.json(records.marks), as: "marks.json"))
        items.append(.data(try Self.json(records.custody.map {
            EventFile(event: $0.event, clip: $0.clipDigest?.hex, digest: $0.chainDigest.hex)
        }), as: "custody.json"))
        var seen: Set<String> = []
        for file in records.derived where file.kind != "frame" && !framesInBag.contains(file.digest.hex) {
            let name = "derived/\(file.clipDigest.hex.prefix(12))/\(file.kind)-\(file.digest.hex.prefix(12)).\(Self.fileExtension(file.mediaType))"
            if seen.insert(name).inserted { items.append(.file(file.objectPath, as: name)) }
        }
        return items
    }

    static func fileExtension(_ mediaType: String) -> String {
        switch mediaType {
        case "image/png": "png"
        case "image/jpeg": "jpg"
        case "application/json": "json"
        default: "bin"
        }
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
