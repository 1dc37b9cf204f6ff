import ArgumentParser
import Catalogue
import Exports
import FootageCommands
import FootageModel
import Foundation

extension Footage.Export {
    /// `footage export bag DIR`: a BagIt 1.0 bag of everything in scope.
    struct ExportBag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bag",
            abstract: "Write a BagIt 1.0 bag: clips, probe and analysis records, frames at the claimed moments, claims, verdicts, custody log, manifest, PROV, JSON-LD and one WebVTT track per clip.",
            discussion: """
            DIR must not exist or must be empty; nothing is written outside it and no link in it is \
            followed. Each file is hashed (SHA-256 and SHA-512) in the pass that copies it. Every \
            exported clip gets an 'exported' custody event. Check the result with \
            'footage verify --bag DIR' or any BagIt validator.
            """
        )

        @Argument(help: "The folder to write the bag into (new, or empty).")
        var directory: String

        @OptionGroup var scope: ExportScopeOptions
        @OptionGroup var review: ReviewOptions

        @Option(help: "bag-info.txt Source-Organization. Default: the user running the command.")
        var organization: String?

        @Option(help: "bag-info.txt External-Description.")
        var description: String?

        @Flag(help: "Also write DIR.zip, the bag serialised as one zip file.")
        var zip = false

        func run() throws {
            let contents = try ExportContents.gather(scope, media: DecodingExportWork())
            let manifest = contents.manifest
            let records = try ExportRecordFiles(records: contents.records, framesInBag: Set(manifest.frames.map(\.sha256))).items()
            let package = EvidencePackage(manifest: manifest, clipFiles: Dictionary(
                contents.records.clips.map { ($0.clip.digest.hex, $0.bytesPath) }, uniquingKeysWith: { first, _ in first }),
                frameFiles: contents.frameFiles, review: review.context, records: records)
            let written: WrittenBag
            do {
                let info = BagInfo(
                    sourceOrganization: organization ?? UserName.current,
                    externalDescription: description ?? "Footage evidence export: \(Self.counted(manifest))",
                    labels: contents.tools.map { BagInfo.Label(Self.label($0.name), $0.version) })
                written = try BagWriter(directory: directory).write(try package.payload(), info: info)
                if zip { try BagZipper().zip(bagDirectory: directory, to: directory + ".zip") }
            } catch {
                throw ExportFailure.exit(error)
            }
            let bagPath = URL(fileURLWithPath: directory).standardizedFileURL.path
            let manifestDigest = written.payload.first { $0.path == "data/manifest.json" }?.sha256 ?? ""
            do {
                for entry in contents.records.clips {
                    try contents.catalogue.appendEvent(.exported, clipID: entry.clip.id, details: ExportedDetails(
                        bag: bagPath, payloadOxum: written.payloadOxum, manifestSHA256: manifestDigest,
                        zip: zip ? bagPath + ".zip" : nil))
                }
            } catch {
                throw CatalogueFailure.exit(error)
            }
            Console.out(bagPath)
            if zip { Console.out(bagPath + ".zip") }
            Console.err("bag written: \(Self.counted(manifest)), \(Self.count(manifest.frames.count, "frame")); "
                        + "\(Self.count(written.payload.count, "payload file")), Payload-Oxum \(written.payloadOxum)")
        }

        /// "1 clip, 4 claims, 4 verdicts".
        static func counted(_ manifest: ExportManifest) -> String {
            "\(count(manifest.clips.count, "clip")), \(count(manifest.claims.count, "claim")), \(count(manifest.verdicts.count, "verdict"))"
        }

        static func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }

        /// `libavformat` → `Libavformat-Version`, `footage` → `Footage-Version`.
        static func label(_ tool: String) -> String {
            (tool.prefix(1).uppercased() + tool.dropFirst()) + "-Version"
        }
    }
}

/// What an `exported` custody event records.
struct ExportedDetails: Encodable {
    var bag: String
    var payloadOxum: String
    var manifestSHA256: String
    var zip: String?
}
