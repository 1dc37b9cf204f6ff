import Foundation

/// The payload of a full evidence bag, laid out so that someone without Footage can find each
/// part: the clips, the frames, the manifest, the provenance, the reviews and the tracks.
///
/// ```
/// data/manifest.json            ExportManifest (Schemas/manifest.schema.json)
/// data/prov.json                PROV-JSON
/// data/claims.jsonld            schema.org ClaimReview and MediaReview
/// data/clips/<file name>        each clip, byte for byte
/// data/tracks/<sha256>.vtt      WebVTT per clip: claimed intervals, detected events, marks
/// data/frames/<frame path>      each frame image
/// data/…                        further records the caller adds (probe and analysis JSON, …)
/// ```
public struct EvidencePackage: Sendable {
    public var manifest: ExportManifest
    /// Where each clip's file is now, by the clip's SHA-256.
    public var clipFiles: [String: String]
    /// Where each frame image is now, by the frame's path in the manifest.
    public var frameFiles: [String: String]
    public var review: ReviewContext
    /// Further payload written after the rest, e.g. each clip's probe record and analysis.
    public var records: [BagPayloadItem]

    public init(manifest: ExportManifest, clipFiles: [String: String], frameFiles: [String: String] = [:],
                review: ReviewContext, records: [BagPayloadItem] = []) {
        self.manifest = manifest
        self.clipFiles = clipFiles
        self.frameFiles = frameFiles
        self.review = review
        self.records = records
    }

    /// The bag payload, in the order written. Refuses a clip or frame whose file is not given.
    public func payload() throws(ExportError) -> [BagPayloadItem] {
        var items: [BagPayloadItem] = [
            .data(try manifest.encoded(), as: "manifest.json"),
            .data(Data(try EvidenceProvenance.document(manifest).render().utf8), as: "prov.json"),
            .data(Data(try SchemaOrgDocument.render(context: review, clips: manifest.clips, claims: manifest.claims,
                                                    verdicts: manifest.verdicts, articles: manifest.articles).utf8),
                  as: "claims.jsonld"),
        ]
        for clip in manifest.clips {
            guard let source = clipFiles[clip.sha256] else {
                throw .unrepresentable(what: "evidence bag", reason: "no file given for clip \(clip.sha256) (\(clip.fileName))")
            }
            items.append(.file(source, as: "clips/" + clip.fileName))
            let track = ClaimTrack.track(for: clip, claims: manifest.claims, verdicts: manifest.verdicts, events: true, marks: true)
            items.append(.data(Data(try track.render().utf8), as: "tracks/\(clip.sha256).vtt"))
        }
        for frame in manifest.frames {
            guard let source = frameFiles[frame.path] else {
                throw .unrepresentable(what: "evidence bag", reason: "no file given for frame \(frame.path)")
            }
            items.append(.file(source, as: "frames/" + frame.path))
        }
        return items + records
    }
}
