public import FootageModel

/// Where in an article's text a proposed claim was found.
///
/// Offsets count UTF-16 code units from the start of the text (as JavaScript and
/// `NSString` do), end exclusive; `text` is exactly that slice.
public struct ClaimSource: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var offsetUnit: String
    public var text: String
    public var sentence: String
    /// The interval rule, or the order/count pattern ("followed_by", "n_more"), that matched.
    public var rule: String
    /// The interval the timing reads as, in interval notation, for the reviewer.
    public var readsAs: String?

    enum CodingKeys: String, CodingKey {
        case start, end, text, sentence, rule
        case offsetUnit = "offset_unit"
        case readsAs = "reads_as"
    }

    public init(start: Int, end: Int, text: String, sentence: String, rule: String, readsAs: String?) {
        self.start = start
        self.end = end
        self.offsetUnit = "utf16"
        self.text = text
        self.sentence = sentence
        self.rule = rule
        self.readsAs = readsAs
    }
}

/// Which reading of an ambiguous timing a claims file asks for.
public enum ReadingChoice: String, Sendable, Hashable, Codable {
    /// The rule's own reading ("the sixth second" is [5, 6)).
    case strict
    /// The other reading ("the sixth second" as "at 0:06").
    case alternative
}

/// One claim as a claims file holds it (`Schemas/claims.schema.json`): the timing as written,
/// or bounds written out, from which the exact interval is derived.
public struct ClaimRecord: Sendable, Hashable, Codable {
    public var id: String
    public var article: String?
    public var kind: ClaimKind
    public var quote: String
    public var timing: String?
    /// Bounds written out, in seconds or as clock times ("5", "0:05.5"); both or neither.
    public var start: String?
    public var end: String?
    public var reading: ReadingChoice?
    public var event: String?
    public var count: Int?
    public var follows: String?
    public var window: String?
    public var assertedBy: String?
    public var source: ClaimSource?

    enum CodingKeys: String, CodingKey {
        case id, article, kind, quote, timing, start, end, reading, event, count, follows, window, source
        case assertedBy = "asserted_by"
    }

    public init(id: String, article: String? = nil, kind: ClaimKind, quote: String, timing: String? = nil,
                start: String? = nil, end: String? = nil, reading: ReadingChoice? = nil, event: String? = nil,
                count: Int? = nil, follows: String? = nil, window: String? = nil, assertedBy: String? = nil,
                source: ClaimSource? = nil) {
        self.id = id
        self.article = article
        self.kind = kind
        self.quote = quote
        self.timing = timing
        self.start = start
        self.end = end
        self.reading = reading
        self.event = event
        self.count = count
        self.follows = follows
        self.window = window
        self.assertedBy = assertedBy
        self.source = source
    }
}

/// A claims file: an optional article id shared by its claims, and the claims.
public struct ClaimsDocument: Sendable, Hashable, Codable {
    public var article: String?
    public var claims: [ClaimRecord]

    public init(article: String? = nil, claims: [ClaimRecord]) {
        self.article = article
        self.claims = claims
    }
}
