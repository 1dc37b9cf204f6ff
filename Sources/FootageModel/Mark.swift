/// A person's observation of an event in a clip (`footage mark`): it outranks a detector.
public struct Mark: Sendable, Hashable, Codable {
    /// The catalogue's row number for the mark.
    public var id: Int64
    public var clip: SHA256Digest
    /// Player time of the event, exact.
    public var at: ExactSeconds
    /// What was seen or heard ("shot").
    public var label: String
    public var markedBy: String
    /// ISO 8601 UTC time the mark was recorded.
    public var markedAt: String
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case id, clip, at, label, note
        case markedBy = "marked_by"
        case markedAt = "marked_at"
    }

    public init(id: Int64, clip: SHA256Digest, at: ExactSeconds, label: String, markedBy: String, markedAt: String,
                note: String?) {
        self.id = id
        self.clip = clip
        self.at = at
        self.label = label
        self.markedBy = markedBy
        self.markedAt = markedAt
        self.note = note
    }
}
