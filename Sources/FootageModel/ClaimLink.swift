/// A claim linked to a clip: the claim is about this footage, and `offset` says where the
/// article's excerpt starts in the clip (claimed times plus the offset are clip times).
public struct ClaimLink: Sendable, Hashable, Codable {
    /// The claim's id as its claims file gives it.
    public var claim: String
    public var clip: SHA256Digest
    /// The clip's row number in the catalogue.
    public var clipID: Int64
    public var offset: ExactSeconds
    /// ISO 8601 UTC time of the latest linking.
    public var linkedAt: String
    public var linkedBy: String

    enum CodingKeys: String, CodingKey {
        case claim, clip, offset
        case clipID = "clip_id"
        case linkedAt = "linked_at"
        case linkedBy = "linked_by"
    }

    public init(claim: String, clip: SHA256Digest, clipID: Int64, offset: ExactSeconds, linkedAt: String, linkedBy: String) {
        self.claim = claim
        self.clip = clip
        self.clipID = clipID
        self.offset = offset
        self.linkedAt = linkedAt
        self.linkedBy = linkedBy
    }
}
