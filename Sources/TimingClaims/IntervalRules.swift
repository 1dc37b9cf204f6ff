public import FootageModel

/// The interval semantics of DESIGN.md: each rule turns a written value into exact bounds.
/// The `written` text is kept as given; canonical wording comes from `TimingFormatter`.
public enum IntervalRules {
    /// "the n-th second": [n-1, n), also readable as "at 0:0n" ([n-0.5, n+0.5)).
    public static func ordinalSecond(_ n: Int, written: String) -> ClaimedInterval {
        let start = ExactSeconds(whole: Int64(n - 1))
        let end = ExactSeconds(whole: Int64(n))
        let alternative = clockTime(end, precision: ExactSeconds(whole: 1), written: "")
        let reading = IntervalReading(rule: alternative.rule, bounds: alternative.bounds,
                                      expression: TimingFormatter.format(alternative))
        return ClaimedInterval(measure: .instant, written: written, rule: .ordinalSecond,
                               bounds: IntervalBounds(start: start, end: end), nominal: ExactSeconds(whole: Int64(n)),
                               precision: ExactSeconds(whole: 1), alternative: reading)
    }

    /// "at 0:06", "at 6 seconds": the time ± half the written precision (never below 0).
    public static func clockTime(_ time: ExactSeconds, precision: ExactSeconds, written: String,
                                 rule: IntervalRule = .clockTimeHalfPrecision) -> ClaimedInterval {
        let half = precision.scaled(by: 1, over: 2)
        return ClaimedInterval(measure: .instant, written: written, rule: rule,
                               bounds: IntervalBounds(start: clamped(time - half), end: time + half),
                               nominal: time, precision: precision)
    }

    /// "at the 1:05 mark": read as a clock time.
    public static func mark(_ time: ExactSeconds, precision: ExactSeconds, written: String) -> ClaimedInterval {
        clockTime(time, precision: precision, written: written, rule: .mark)
    }

    /// "a 9-second clip": the length ± half the written unit.
    public static func duration(_ length: ExactSeconds, precision: ExactSeconds, written: String) -> ClaimedInterval {
        let half = precision.scaled(by: 1, over: 2)
        return ClaimedInterval(measure: .duration, written: written, rule: .durationHalfUnit,
                               bounds: IntervalBounds(start: clamped(length - half), end: length + half),
                               nominal: length, precision: precision)
    }

    /// "about 9 seconds": widened by the larger of 10 % of the value, 1 s and half the written unit.
    public static func approximate(_ value: ExactSeconds, precision: ExactSeconds, hedge: String,
                                   measure: IntervalMeasure, written: String) -> ClaimedInterval {
        let candidates = [value.scaled(by: 1, over: 10), ExactSeconds(whole: 1), precision.scaled(by: 1, over: 2)]
        let amount = candidates.max() ?? ExactSeconds(whole: 1)
        let widening = Widening(hedge: hedge, amount: amount,
                                reason: "\"\(hedge)\" widens the reading to ±10 % or ±1 s, whichever is larger")
        return ClaimedInterval(measure: measure, written: written, rule: .approximateWidened,
                               bounds: IntervalBounds(start: clamped(value - amount), end: value + amount),
                               nominal: value, precision: precision, widening: widening)
    }

    /// "in the first three seconds": [0, 3).
    public static func firstSeconds(_ length: ExactSeconds, precision: ExactSeconds, written: String) -> ClaimedInterval {
        ClaimedInterval(measure: .instant, written: written, rule: .firstNSeconds,
                        bounds: IntervalBounds(start: .zero, end: length), nominal: length, precision: precision)
    }

    /// "between 0:04 and 0:07": from half the precision before the first to half after the second.
    public static func between(_ first: ExactSeconds, _ second: ExactSeconds, precision: ExactSeconds,
                               written: String) -> ClaimedInterval {
        let half = precision.scaled(by: 1, over: 2)
        return ClaimedInterval(measure: .instant, written: written, rule: .between,
                               bounds: IntervalBounds(start: clamped(first - half), end: second + half),
                               nominal: first, nominalEnd: second, precision: precision)
    }

    /// "after two minutes": from that moment on.
    public static func after(_ time: ExactSeconds, precision: ExactSeconds, written: String) -> ClaimedInterval {
        ClaimedInterval(measure: .instant, written: written, rule: .after,
                        bounds: IntervalBounds(start: time, end: nil), nominal: time, precision: precision)
    }

    /// Bounds a person wrote out, `[start, end)`.
    public static func stated(start: ExactSeconds, end: ExactSeconds, measure: IntervalMeasure,
                              written: String) -> ClaimedInterval {
        ClaimedInterval(measure: measure, written: written, rule: .statedBounds,
                        bounds: IntervalBounds(start: start, end: end), nominal: nil,
                        precision: end - start)
    }

    private static func clamped(_ value: ExactSeconds) -> ExactSeconds {
        value.isNegative ? .zero : value
    }
}
