public import Foundation

/// The whole evidence export as one JSON document (`manifest.json`, described by
/// `Schemas/manifest.schema.json`): clips with hashes and what was measured, articles, claims,
/// verdicts, frames, the custody log and the tool versions.
public struct ExportManifest: Sendable, Hashable, Codable {
    /// Bumped when a field changes meaning; readers check it first.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var generatedAt: Date
    public var tools: [ExportToolVersion]
    public var clips: [ExportClip]
    public var articles: [ExportArticle]
    public var claims: [ExportClaim]
    public var verdicts: [ExportVerdict]
    public var frames: [ExportFrame]
    public var custody: [ExportEvent]

    public init(generatedAt: Date, tools: [ExportToolVersion], clips: [ExportClip], articles: [ExportArticle] = [],
                claims: [ExportClaim] = [], verdicts: [ExportVerdict] = [], frames: [ExportFrame] = [],
                custody: [ExportEvent] = []) {
        self.formatVersion = Self.currentFormatVersion
        self.generatedAt = generatedAt
        self.tools = tools
        self.clips = clips
        self.articles = articles
        self.claims = claims
        self.verdicts = verdicts
        self.frames = frames
        self.custody = custody
    }

    /// Pretty-printed JSON with sorted keys and ISO 8601 UTC times.
    public func encoded() throws(ExportError) -> Data {
        do {
            return try Self.encoder().encode(self)
        } catch {
            throw .unrepresentable(what: "export manifest", reason: String(describing: error).lowercased())
        }
    }

    public static func decoded(from data: Data) throws(ExportError) -> ExportManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(ExportManifest.self, from: data)
        } catch {
            throw .unrepresentable(what: "export manifest", reason: "not a manifest: \(String(describing: error).lowercased())")
        }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
