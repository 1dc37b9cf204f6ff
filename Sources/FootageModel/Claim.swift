/// What a claim asserts, which decides how (and whether) footage can check it.
public enum ClaimKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The length of a clip: "a 9-second clip".
    case duration
    /// Something happens at a claimed time, optionally a number of times: "a shot in the sixth second".
    case event
    /// Events after the event of an earlier claim: "followed by two shots".
    case order
    /// A number of events in an interval or in the whole clip: "three shots in the first minute".
    case count
    /// What is seen; a person judges frames at the claimed time.
    case visual
    /// A statement no footage is offered for.
    case noFootage = "no_footage"
    /// Footage that is described but not held.
    case describedFootage = "described_footage"
}

/// One published timing claim, as reviewed by a person.
public struct Claim: Sendable, Hashable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey {
        case id
        case articleId = "article_id"
        case quote
        case kind
        case timing
        case interval
        case event
        case count
        case follows
        case window
        case assertedBy = "asserted_by"
    }

    public var id: String
    public var articleId: String?
    /// A short quote from the source.
    public var quote: String
    public var kind: ClaimKind
    /// The timing as written ("in the sixth second"), when there is one.
    public var timing: String?
    /// The exact interval the timing was read as; `nil` for claims without a time.
    public var interval: ClaimedInterval?
    /// The kind of event claimed ("shot").
    public var event: String?
    /// How many events are claimed; `nil` when the claim does not count.
    public var count: Int?
    /// The id of the claim whose event this one follows (order claims).
    public var follows: String?
    /// For an order claim: how long after the earlier event the events must come; `nil` for
    /// anywhere later in the clip.
    public var window: ExactSeconds?
    /// Who makes the assertion ("military spokesman", "the outlet").
    public var assertedBy: String?

    public init(id: String, articleId: String? = nil, quote: String, kind: ClaimKind, timing: String? = nil,
                interval: ClaimedInterval? = nil, event: String? = nil, count: Int? = nil,
                follows: String? = nil, window: ExactSeconds? = nil, assertedBy: String? = nil) {
        self.id = id
        self.articleId = articleId
        self.quote = quote
        self.kind = kind
        self.timing = timing
        self.interval = interval
        self.event = event
        self.count = count
        self.follows = follows
        self.window = window
        self.assertedBy = assertedBy
    }
}
