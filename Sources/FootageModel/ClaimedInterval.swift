/// Whether a claimed interval bounds a moment in player time or a length of footage.
public enum IntervalMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// A moment in player time: "at 0:06", "in the sixth second".
    case instant
    /// A length: "a 9-second clip".
    case duration
}

/// The rule that turned the words as written into exact bounds (DESIGN.md, "Time, precisely").
public enum IntervalRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// "the sixth second": [5, 6).
    case ordinalSecond = "ordinal_second"
    /// "at 0:06", "at 6 seconds", "six seconds in": the time ± half the written precision.
    case clockTimeHalfPrecision = "clock_time_half_precision"
    /// "a 9-second clip": the length ± half the written unit.
    case durationHalfUnit = "duration_half_unit"
    /// "about 9 seconds": ± the larger of 10 %, 1 s and half the written unit.
    case approximateWidened = "approximate_widened"
    /// "in the first three seconds": [0, 3).
    case firstNSeconds = "first_n_seconds"
    /// "between 0:04 and 0:07": from half a unit before the first to half a unit after the second.
    case between
    /// "at the 1:05 mark": as a clock time.
    case mark
    /// "after two minutes": from that time on, no upper bound.
    case after
    /// Bounds a person wrote out in a claims file.
    case statedBounds = "stated_bounds"
}

/// One way of reading a timing expression: the rule and the exact bounds it gives.
public struct IntervalReading: Sendable, Hashable, Codable {
    public var rule: IntervalRule
    public var bounds: IntervalBounds
    /// The canonical wording of this reading, e.g. "at 0:06".
    public var expression: String

    public init(rule: IntervalRule, bounds: IntervalBounds, expression: String) {
        self.rule = rule
        self.bounds = bounds
        self.expression = expression
    }
}

/// How "about", "nearly" and the like widened an interval, stated rather than applied silently.
public struct Widening: Sendable, Hashable, Codable {
    /// The hedge as written ("about", "nearly").
    public var hedge: String
    /// How far each bound moved out from the written value.
    public var amount: ExactSeconds
    /// Why that amount: "±10 % or ±1 s, whichever is larger".
    public var reason: String

    public init(hedge: String, amount: ExactSeconds, reason: String) {
        self.hedge = hedge
        self.amount = amount
        self.reason = reason
    }
}

/// A claimed time as an exact interval, with the words it came from and the rule used.
public struct ClaimedInterval: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case measure
        case written
        case rule
        case bounds
        case nominal
        case nominalEnd = "nominal_end"
        case precision
        case widening
        case ambiguous
        case alternative
    }

    public var measure: IntervalMeasure
    /// The timing as written in the source ("in the sixth second").
    public var written: String
    public var rule: IntervalRule
    public var bounds: IntervalBounds
    /// The written value ("6" for "at 0:06", "9" for "a 9-second clip"; the first value of a
    /// "between"); `nil` for rules without one.
    public var nominal: ExactSeconds?
    /// The second value of a "between".
    public var nominalEnd: ExactSeconds?
    /// The resolution the time was written to: 1 for "0:06", 0.1 for "0:06.5", 60 for "two minutes".
    public var precision: ExactSeconds
    public var widening: Widening?
    /// Whether the words allow another reading that gives different bounds.
    public var ambiguous: Bool
    /// The other reading of an ambiguous expression ("at 0:06" for "the sixth second").
    public var alternative: IntervalReading?

    public init(measure: IntervalMeasure, written: String, rule: IntervalRule, bounds: IntervalBounds,
                nominal: ExactSeconds?, nominalEnd: ExactSeconds? = nil, precision: ExactSeconds,
                widening: Widening? = nil, alternative: IntervalReading? = nil) {
        self.measure = measure
        self.written = written
        self.rule = rule
        self.bounds = bounds
        self.nominal = nominal
        self.nominalEnd = nominalEnd
        self.precision = precision
        self.widening = widening
        self.ambiguous = alternative != nil
        self.alternative = alternative
    }

    /// Half the width of a bounded interval: how far from its middle a value may lie.
    public var tolerance: ExactSeconds? {
        guard let end = bounds.end else { return nil }
        return (end - bounds.start).scaled(by: 1, over: 2)
    }
}
