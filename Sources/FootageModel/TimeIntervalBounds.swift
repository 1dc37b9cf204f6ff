/// Exact bounds of a claimed interval in player time (or, for a duration, in length).
///
/// The usual shape is half-open, `[start, end)`; `end == nil` means no upper bound ("after 2:00").
public struct IntervalBounds: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case start
        case end
        case startClosed = "start_closed"
        case endClosed = "end_closed"
    }

    public var start: ExactSeconds
    public var end: ExactSeconds?
    public var startClosed: Bool
    public var endClosed: Bool

    public init(start: ExactSeconds, end: ExactSeconds?, startClosed: Bool = true, endClosed: Bool = false) {
        self.start = start
        self.end = end
        self.startClosed = startClosed
        self.endClosed = endClosed
    }

    /// Bounds are well formed when the start is not negative and lies before the end.
    public var isWellFormed: Bool {
        guard !start.isNegative else { return false }
        guard let end else { return true }
        return start < end
    }

    public func contains(_ value: ExactSeconds) -> Bool {
        let afterStart = startClosed ? !(value < start) : start < value
        guard afterStart else { return false }
        guard let end else { return true }
        return endClosed ? !(end < value) : value < end
    }

    /// How far `value` lies outside the bounds; zero when inside.
    public func distance(to value: ExactSeconds) -> ExactSeconds {
        if contains(value) { return .zero }
        if value < start || value == start { return start - value }
        return value - (end ?? value)
    }

    /// The same bounds moved by `offset` (a link offset from excerpt time to clip time).
    public func shifted(by offset: ExactSeconds) -> IntervalBounds {
        IntervalBounds(start: start + offset, end: end.map { $0 + offset },
                       startClosed: startClosed, endClosed: endClosed)
    }

    /// Interval notation for messages: `[5, 6)`, `[120, ∞)`.
    public var notation: String {
        let open = startClosed ? "[" : "("
        let close = end == nil ? ")" : (endClosed ? "]" : ")")
        return "\(open)\(start), \(end.map { $0.description } ?? "∞")\(close)"
    }
}
