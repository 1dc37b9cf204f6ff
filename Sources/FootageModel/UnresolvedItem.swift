/// Why an item still needs work (`footage unresolved`).
public enum UnresolvedReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A claim no clip is linked to.
    case noClipLinked = "no_clip_linked"
    /// A claim about footage the article describes but the catalogue does not hold.
    case describedFootageNotRegistered = "described_footage_not_registered"
    /// A clip no claim is linked to.
    case clipWithoutClaims = "clip_without_claims"
    /// A clip the probe could not read.
    case probeFailed = "probe_failed"
    /// A clip with event, order or count claims and no stored analysis.
    case notAnalyzed = "not_analyzed"
    /// A linked claim with no verdict yet.
    case unchecked
    /// The latest verdict could not settle the claim.
    case inconclusive
    /// The latest verdict found the footage contradicts the claim.
    case inconsistent
    /// A visual claim that only a person can judge, with no mark recording their judgement.
    case needsPerson = "needs_person"
    /// A timing with two readings and no reading chosen in the claims file.
    case ambiguousTimeExpression = "ambiguous_time_expression"
    /// A variable-frame-rate clip where a claim needs timing finer than its frames, or the
    /// verdict lies near an edge of the claimed interval.
    case vfrUncertain = "vfr_uncertain"
    /// The vault object or in-place file is gone.
    case clipMissing = "clip_missing"
    /// The latest verify found the clip's bytes changed.
    case hashMismatch = "hash_mismatch"
}

/// One thing that still needs work, with the command to run next.
public struct UnresolvedItem: Sendable, Hashable, Codable {
    public var reason: UnresolvedReason
    /// The clip concerned, if any.
    public var clip: SHA256Digest?
    /// The claim concerned (its id), if any.
    public var claim: String?
    public var detail: String
    /// The command to run next.
    public var next: String

    public init(reason: UnresolvedReason, clip: SHA256Digest?, claim: String?, detail: String, next: String) {
        self.reason = reason
        self.clip = clip
        self.claim = claim
        self.detail = detail
        self.next = next
    }

    /// Always encodes every key (`null` when absent), so that each row has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reason, forKey: .reason)
        try container.encode(clip, forKey: .clip)
        try container.encode(claim, forKey: .claim)
        try container.encode(detail, forKey: .detail)
        try container.encode(next, forKey: .next)
    }

    enum CodingKeys: String, CodingKey {
        case reason, clip, claim, detail, next
    }
}
