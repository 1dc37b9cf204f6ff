import FootageModel

/// Seconds for people: exact when the value has at most three decimals, else rounded to the
/// millisecond and marked with "≈".
enum SecondsText {
    static func text(_ value: ExactSeconds) -> String {
        let ms = value.scaled(by: 1000, over: 1)
        if ms.denominator == 1 { return "\(value) s" }
        // Round half away from zero to whole milliseconds.
        let doubled = ms.scaled(by: 2, over: 1)
        let rounded = (doubled.numerator + (doubled.numerator < 0 ? -doubled.denominator : doubled.denominator))
            / (2 * doubled.denominator)
        return "≈\(ExactSeconds(milliseconds: rounded)) s"
    }

    static func list(_ values: [ExactSeconds]) -> String {
        values.map { text($0) }.joined(separator: ", ")
    }

    /// "1 event", "3 events".
    static func events(_ count: Int) -> String { count == 1 ? "1 event" : "\(count) events" }
}
