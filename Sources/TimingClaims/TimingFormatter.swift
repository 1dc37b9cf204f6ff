public import FootageModel

/// Turns a claimed interval back into the canonical English expression for its rule, so that
/// parsing the result gives the same interval back.
public enum TimingFormatter {
    public static func format(_ interval: ClaimedInterval) -> String {
        let precision = interval.precision
        let nominal = interval.nominal ?? interval.bounds.start
        switch interval.rule {
        case .ordinalSecond:
            let n = Int(nominal.numerator / nominal.denominator)
            return "in the \(NumberWords.ordinal(n)) second"
        case .clockTimeHalfPrecision:
            return "at " + timeText(nominal, precision: precision)
        case .mark:
            return "at the " + timeText(nominal, precision: precision) + " mark"
        case .durationHalfUnit:
            return quantityText(nominal, precision: precision) + " long"
        case .approximateWidened:
            let hedge = interval.widening?.hedge ?? "about"
            switch interval.measure {
            case .duration: return "\(hedge) " + quantityText(nominal, precision: precision) + " long"
            case .instant: return "at \(hedge) " + timeText(nominal, precision: precision)
            }
        case .firstNSeconds:
            return "in the first " + quantityText(nominal, precision: precision, inWords: true)
        case .between:
            let end = interval.nominalEnd ?? interval.bounds.end ?? nominal
            return "between " + timeText(nominal, precision: precision) + " and " + timeText(end, precision: precision)
        case .after:
            return "after " + timeText(nominal, precision: precision)
        case .statedBounds:
            return interval.bounds.notation
        }
    }

    /// "0:06", "1:05.250", "1:01:05"; whole minutes and hours as words when that is the precision.
    public static func timeText(_ time: ExactSeconds, precision: ExactSeconds) -> String {
        if let coarse = coarseUnit(precision) { return quantityText(time, precision: precision, unit: coarse) }
        let decimals = decimalPlaces(precision) ?? 3
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = time.scaled(by: scale, over: 1)
        let units = scaled.numerator / scaled.denominator
        let whole = units / scale
        let fraction = units % scale
        let hours = whole / 3600
        let minutes = (whole % 3600) / 60
        let seconds = whole % 60
        var text = hours > 0 ? "\(hours):\(pad(minutes)):\(pad(seconds))" : "\(minutes):\(pad(seconds))"
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// "9 seconds", "9.5 seconds", "2 minutes"; `inWords` writes whole numbers as words.
    public static func quantityText(_ value: ExactSeconds, precision: ExactSeconds, inWords: Bool = false) -> String {
        quantityText(value, precision: precision, unit: coarseUnit(precision), inWords: inWords)
    }

    private static func quantityText(_ value: ExactSeconds, precision: ExactSeconds, unit: (seconds: Int64, name: String)?,
                                     inWords: Bool = false) -> String {
        if let unit {
            let count = value.scaled(by: 1, over: unit.seconds)
            return number(count, words: inWords) + " " + unit.name + (count == ExactSeconds(whole: 1) ? "" : "s")
        }
        let decimals = decimalPlaces(precision) ?? 3
        let text = decimals == 0 ? number(value, words: inWords) : fixed(value, decimals: decimals)
        return text + " second" + (value == ExactSeconds(whole: 1) && decimals == 0 ? "" : "s")
    }

    private static func number(_ value: ExactSeconds, words: Bool) -> String {
        if words, value.denominator == 1, (0..<1_000_000).contains(value.numerator) {
            return NumberWords.cardinal(Int(value.numerator))
        }
        return value.description
    }

    /// The value written with exactly `decimals` places ("9.50").
    private static func fixed(_ value: ExactSeconds, decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value.scaled(by: scale, over: 1)
        let units = scaled.numerator / scaled.denominator
        let digits = String(units % scale)
        return "\(units / scale)." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    private static func coarseUnit(_ precision: ExactSeconds) -> (seconds: Int64, name: String)? {
        if precision == ExactSeconds(whole: 3600) { return (3600, "hour") }
        if precision == ExactSeconds(whole: 60) { return (60, "minute") }
        return nil
    }

    /// 0 for a precision of 1 s, 1 for 0.1 s …; `nil` when the precision is not a power of ten.
    static func decimalPlaces(_ precision: ExactSeconds) -> Int? {
        guard precision.numerator == 1 else { return nil }
        var rest = precision.denominator
        var places = 0
        while rest > 1, rest % 10 == 0 { rest /= 10; places += 1 }
        return rest == 1 ? places : nil
    }

    private static func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
