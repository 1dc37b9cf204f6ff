/// The frame on screen at the moment a claim points to, kept once in the vault as a derived file
/// (kind `claimed-frame`) so that a person can look at what the claim describes.
public struct ClaimedFrame: Sendable, Hashable, Codable {
    /// Why this moment was chosen.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The middle of the claimed interval (its start when it has no end), in clip time.
        case claimedInterval = "claimed_interval"
        /// The first event counted for a claim that gives no time of its own ("followed by two shots").
        case firstCountedEvent = "first_counted_event"
    }

    /// The player time asked for, in clip time (the link offset applied).
    public var at: ExactSeconds
    public var basis: Basis
    /// The frame's own presentation timestamp and time base.
    public var pts: Int64
    public var timeBase: Rational
    /// The frame's presentation time in player time (0 is the first presented frame).
    public var playerMs: Int64
    /// SHA-256 of the stored image.
    public var digest: SHA256Digest
    public var mediaType: String

    enum CodingKeys: String, CodingKey {
        case at, basis, pts
        case timeBase = "time_base"
        case playerMs = "player_ms"
        case digest
        case mediaType = "media_type"
    }

    public init(at: ExactSeconds, basis: Basis, pts: Int64, timeBase: Rational, playerMs: Int64,
                digest: SHA256Digest, mediaType: String) {
        self.at = at
        self.basis = basis
        self.pts = pts
        self.timeBase = timeBase
        self.playerMs = playerMs
        self.digest = digest
        self.mediaType = mediaType
    }

    /// The derived-file kind these frames are stored under.
    public static let derivedKind = "claimed-frame"
}
