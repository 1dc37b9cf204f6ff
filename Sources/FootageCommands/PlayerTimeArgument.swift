import FootageModel
import Foundation
import TimingClaims

/// Reads a time given on the command line exactly: seconds (`5.4`, `1/3`), a clock time
/// (`0:05.4`, `1:02:03`) or a written length or moment (`6 seconds`, `1 min 20 s`, `at 0:06`).
/// Words that give a range rather than one time ("the sixth second", "about 6 s") are refused.
enum PlayerTimeArgument {
    static func parse(_ text: String) -> ExactSeconds? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = ExactSeconds(parsing: trimmed) { return seconds }
        let negative = trimmed.hasPrefix("-")
        let body = negative ? String(trimmed.dropFirst()) : trimmed
        guard let interval = TimingParser.parse(body, bareQuantityAs: .instant), interval.widening == nil,
              [.clockTimeHalfPrecision, .mark, .durationHalfUnit].contains(interval.rule),
              let nominal = interval.nominal else { return nil }
        return negative ? -nominal : nominal
    }

    /// The message for a time that cannot be read, naming the option and the text.
    static func problem(option: String, text: String) -> String {
        "\(option) \(ClipFileName(text).escaped) is not a time; write seconds (5.4), a clock time (0:05.4) or a length (6 seconds)"
    }
}
