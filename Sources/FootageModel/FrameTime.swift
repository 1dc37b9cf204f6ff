/// Player times as people write them (`6`, `5.5`, `0:05.5`, `00:00:05.500`), held as exact
/// integer milliseconds so that no time is ever stored as a float.
public enum FrameTime {
    /// Why a written time was refused.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case malformed(String)
        case finerThanMilliseconds(String)
        case fieldOutOfRange(String)

        public var description: String {
            switch self {
            case .empty: "empty time"
            case .malformed(let text): "not a time: '\(text)' (use 6, 5.5, mm:ss.fff or hh:mm:ss.fff)"
            case .finerThanMilliseconds(let text): "time '\(text)' is finer than a millisecond"
            case .fieldOutOfRange(let text): "time '\(text)' has minutes or seconds of 60 or more"
            }
        }
    }

    /// Parses one time into milliseconds.
    public static func milliseconds(_ text: String) throws(ParseError) -> Int64 {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        let fields = trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields.count <= 3 else { throw .malformed(trimmed) }
        let secondsField = fields[fields.count - 1]
        let secondsMs = try parseSeconds(secondsField, whole: trimmed)
        var wholeUnits: [Int64] = []
        for field in fields.dropLast() {
            guard !field.isEmpty, field.allSatisfy(\.isASCIIDigit), field.count <= 9, let value = Int64(field) else {
                throw .malformed(trimmed)
            }
            wholeUnits.append(value)
        }
        if !wholeUnits.isEmpty {
            // In colon forms the seconds and any minutes below an hours field stay under 60.
            if secondsMs >= 60_000 { throw .fieldOutOfRange(trimmed) }
            if wholeUnits.count == 2, wholeUnits[1] >= 60 { throw .fieldOutOfRange(trimmed) }
        }
        var total = secondsMs
        for (position, value) in wholeUnits.reversed().enumerated() {
            total += value * (position == 0 ? 60_000 : 3_600_000)
        }
        return total
    }

    /// Parses a comma-separated list, e.g. `5.4,6.1,0:06.55`.
    public static func millisecondsList(_ text: String) throws(ParseError) -> [Int64] {
        var result: [Int64] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            result.append(try milliseconds(String(item)))
        }
        return result
    }

    /// Formats milliseconds as the sheet and file names show them: `5.500s`, or `1:05.500` from a
    /// minute on.
    public static func label(milliseconds ms: Int64) -> String {
        let sign = ms < 0 ? "-" : ""
        let magnitude = ms.magnitude
        let fraction = String(magnitude % 1000).leftPadded(to: 3)
        let totalSeconds = magnitude / 1000
        if totalSeconds < 60 { return "\(sign)\(totalSeconds).\(fraction)s" }
        let seconds = String(totalSeconds % 60).leftPadded(to: 2)
        let minutes = totalSeconds / 60
        if minutes < 60 { return "\(sign)\(minutes):\(seconds).\(fraction)" }
        return "\(sign)\(minutes / 60):\(String(minutes % 60).leftPadded(to: 2)):\(seconds).\(fraction)"
    }

    private static func parseSeconds(_ field: String, whole: String) throws(ParseError) -> Int64 {
        let parts = field.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else { throw .malformed(whole) }
        let integer = parts[0]
        guard !integer.isEmpty, integer.allSatisfy(\.isASCIIDigit), integer.count <= 12, let seconds = Int64(integer) else {
            throw .malformed(whole)
        }
        var fractionMs: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { throw .malformed(whole) }
            // Extra digits are allowed only when they are zeros: 5.5000 is exact, 5.5004 is not.
            let significant = fraction.prefix(3)
            if fraction.dropFirst(3).contains(where: { $0 != "0" }) { throw .finerThanMilliseconds(whole) }
            fractionMs = Int64(String(significant).rightPadded(to: 3)) ?? 0
        }
        return seconds * 1000 + fractionMs
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    fileprivate func rightPadded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: "0", count: width - count)
    }
}
