public import Foundation
public import FootageModel

/// An article that made claims.
public struct ExportArticle: Sendable, Hashable, Codable {
    public var url: String
    public var title: String?
    public var publisher: String?
    public var author: String?
    public var published: Date?

    public init(url: String, title: String? = nil, publisher: String? = nil, author: String? = nil, published: Date? = nil) {
        self.url = url
        self.title = title
        self.publisher = publisher
        self.author = author
        self.published = published
    }
}

/// A claimed interval of player time, `[start, end)`, with the reading that produced it.
public struct ExportInterval: Sendable, Hashable, Codable {
    public var start: MediaTime
    public var end: MediaTime
    /// The rule used, e.g. `ordinal-second` for "the sixth second".
    public var rule: String

    public init(start: MediaTime, end: MediaTime, rule: String) {
        self.start = start
        self.end = end
        self.rule = rule
    }
}

/// A timing claim from an article, as reviewed by a person.
public struct ExportClaim: Sendable, Hashable, Codable {
    public var id: String
    /// The article's words, quoted.
    public var quote: String
    /// A short neutral statement of what is claimed (schema.org `claimReviewed`).
    public var summary: String
    /// `duration`, `event`, `order`, `count`, `visual`, `no-footage`.
    public var kind: String
    public var articleURL: String
    /// Who made the claim (the article's author, or the person quoted).
    public var claimant: String?
    public var interval: ExportInterval?
    public var count: Int?
    /// Clips the claim is linked to, by SHA-256.
    public var clipSHA256s: [String]
    /// Where the article's excerpt starts in each linked clip, by the clip's SHA-256; a clip not
    /// listed has offset zero. The interval above is as read; in a clip it is shifted by this.
    public var clipOffsets: [String: MediaTime]?

    public init(id: String, quote: String, summary: String, kind: String, articleURL: String, claimant: String? = nil,
                interval: ExportInterval? = nil, count: Int? = nil, clipSHA256s: [String] = []) {
        self.id = id
        self.quote = quote
        self.summary = summary
        self.kind = kind
        self.articleURL = articleURL
        self.claimant = claimant
        self.interval = interval
        self.count = count
        self.clipSHA256s = clipSHA256s
    }

    /// The claimed stretch of player time in one linked clip, for tracks, media fragments and
    /// frames; `nil` for a duration claim, whose interval bounds a length, not a moment.
    public func moment(in clipSHA256: String) -> ExportInterval? {
        kind == "duration" ? nil : interval(in: clipSHA256)
    }

    /// The claimed interval in the player time of one linked clip: the interval as read, moved
    /// by that clip's link offset.
    public func interval(in clipSHA256: String) -> ExportInterval? {
        guard var shifted = interval, let offset = clipOffsets?[clipSHA256], offset.pts != 0 else { return interval }
        shifted.start = ExportTime.sum(shifted.start, offset)
        shifted.end = ExportTime.sum(shifted.end, offset)
        return shifted
    }
}

/// The outcome of one check of one claim against one clip.
public struct ExportVerdict: Sendable, Hashable, Codable {
    /// The catalogue's own outcome type: one model of a verdict, not two.
    public typealias Outcome = VerdictOutcome

    public var claimID: String
    public var clipSHA256: String
    public var outcome: Outcome
    /// Which measurement was used (`duration:presented-frames`, `audio-onsets`, `marks`).
    public var measurement: String
    /// What was measured, the difference from the claim and the tolerance, as display text.
    public var measured: String?
    public var difference: String?
    public var tolerance: String?
    /// `detected` or `marked`, for event checks.
    public var eventSource: String?
    public var explanation: String
    public var checkedAt: Date

    public init(claimID: String, clipSHA256: String, outcome: Outcome, measurement: String, measured: String? = nil,
                difference: String? = nil, tolerance: String? = nil, eventSource: String? = nil,
                explanation: String, checkedAt: Date) {
        self.claimID = claimID
        self.clipSHA256 = clipSHA256
        self.outcome = outcome
        self.measurement = measurement
        self.measured = measured
        self.difference = difference
        self.tolerance = tolerance
        self.eventSource = eventSource
        self.explanation = explanation
        self.checkedAt = checkedAt
    }
}
