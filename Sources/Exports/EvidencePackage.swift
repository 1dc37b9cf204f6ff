import Foundation

/// The payload of a full evidence bag, laid out so that someone without Footage can find each
/// part: the clips, the frames, the manifest, the provenance, the reviews and the tracks.
///
/// ```
/// data/manifest.json            ExportManifest (Schemas/manifest.schema.json)
/// data/provenance.json          PROV-JSON
/// data/reviews.jsonld           schema.org ClaimReview and MediaReview
/// data/clips/<file name>        each clip, byte for byte
/// data/frames/<frame path>      each frame image
/// data/tracks/<sha256>.claims.vtt, <sha256>.events.vtt   WebVTT per clip
/// ```
public struct EvidencePackage: Sendable {
    public var manifest: ExportManifest
    /// Where each clip's file is now, by the clip's SHA-256.
    public var clipFiles: [String: String]
    /// Where each frame image is now, by the frame's path in the manifest.
    public var frameFiles: [String: String]
    public var review: ReviewContext

    public init(manifest: ExportManifest, clipFiles: [String: String], frameFiles: [String: String] = [:], review: ReviewContext) {
        self.manifest = manifest
        self.clipFiles = clipFiles
        self.frameFiles = frameFiles
        self.review = review
    }

    /// The bag payload, in the order written. Refuses a clip or frame whose file is not given.
    public func payload() throws(ExportError) -> [BagPayloadItem] {
        var items: [BagPayloadItem] = [
            .data(try manifest.encoded(), as: "manifest.json"),
            .data(Data(try EvidenceProvenance.document(manifest).render().utf8), as: "provenance.json"),
            .data(Data(try SchemaOrgDocument.render(context: review, clips: manifest.clips, claims: manifest.claims,
                                                    verdicts: manifest.verdicts, articles: manifest.articles).utf8),
                  as: "reviews.jsonld"),
        ]
        for clip in manifest.clips {
            guard let source = clipFiles[clip.sha256] else {
                throw .unrepresentable(what: "evidence bag", reason: "no file given for clip \(clip.sha256) (\(clip.fileName))")
            }
            items.append(.file(source, as: "clips/" + clip.fileName))
            let claims = ClaimTrack.claims(for: clip, claims: manifest.claims, verdicts: manifest.verdicts)
            items.append(.data(Data(try claims.render().utf8), as: "tracks/\(clip.sha256).claims.vtt"))
            items.append(.data(Data(try ClaimTrack.events(for: clip).render().utf8), as: "tracks/\(clip.sha256).events.vtt"))
        }
        for frame in manifest.frames {
            guard let source = frameFiles[frame.path] else {
                throw .unrepresentable(what: "evidence bag", reason: "no file given for frame \(frame.path)")
            }
            items.append(.file(source, as: "frames/" + frame.path))
        }
        return items
    }
}
