/// One entry in the custody log: who did what to which clip, when, with which tool.
///
/// Events are append-only and hash-chained: `previousDigest` is the SHA-256 of the previous
/// event's canonical form (`SHA256Digest.zero` for the first event).
public struct CustodyEvent: Sendable, Hashable, Codable {
    public var id: Int64
    /// The clip the event is about; `nil` for catalogue-wide events such as a verify run.
    public var clipID: Int64?
    /// ISO 8601 UTC time.
    public var occurredAt: String
    public var actor: String
    public var toolVersion: String
    public var action: CustodyAction
    /// A JSON object with the action's details.
    public var details: String
    public var previousDigest: SHA256Digest

    public init(id: Int64, clipID: Int64?, occurredAt: String, actor: String, toolVersion: String,
                action: CustodyAction, details: String, previousDigest: SHA256Digest) {
        self.id = id
        self.clipID = clipID
        self.occurredAt = occurredAt
        self.actor = actor
        self.toolVersion = toolVersion
        self.action = action
        self.details = details
        self.previousDigest = previousDigest
    }
}
