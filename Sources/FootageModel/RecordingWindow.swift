/// When a recording may have been made, read from a container's `creation_time` and the clip's
/// duration, without pretending to know more than the file says.
///
/// Devices disagree on what `creation_time` means: most write the moment recording started, some
/// the moment it stopped, and some write local time with no zone. So the window keeps the text as
/// written, says whether a zone was present, and gives both candidate windows.
public struct RecordingWindow: Sendable, Hashable, Codable {
    /// The timestamp exactly as found in the metadata.
    public var written: String
    /// Whether the text carries a zone (`Z` or a numeric offset).
    public var hasZone: Bool
    /// The written offset from UTC in seconds (`Z` is 0); `nil` when no zone was written.
    public var utcOffsetSeconds: Int?
    /// The written instant. With a zone it is UTC; without one it is the wall-clock reading as
    /// written, which may be local time at the place of recording.
    public var instant: Instant
    /// The duration the windows span, in `durationTimeBase` units.
    public var durationPTS: Int64
    public var durationTimeBase: Rational
    /// [t, t + d]: the window if the timestamp marks the start of recording.
    public var ifStart: Span
    /// [t − d, t]: the window if the timestamp marks the end of recording.
    public var ifEnd: Span
    /// What a reader must keep in mind when using these windows.
    public var notes: [String]

    /// A moment as microseconds since 1970-01-01T00:00:00 on the reading's clock, with its
    /// ISO 8601 rendering (ending in `Z` only when the source named a zone).
    public struct Instant: Sendable, Hashable, Codable {
        public var microsecondsSinceEpoch: Int64
        public var iso8601: String

        public init(microsecondsSinceEpoch: Int64, isUTC: Bool) {
            self.microsecondsSinceEpoch = microsecondsSinceEpoch
            self.iso8601 = CivilTime(microsecondsSinceEpoch: microsecondsSinceEpoch).iso8601 + (isUTC ? "Z" : "")
        }

        enum CodingKeys: String, CodingKey {
            case microsecondsSinceEpoch = "microseconds_since_epoch"
            case iso8601 = "iso8601"
        }
    }

    /// A closed interval of instants.
    public struct Span: Sendable, Hashable, Codable {
        public var start: Instant
        public var end: Instant

        public init(start: Instant, end: Instant) {
            self.start = start
            self.end = end
        }
    }

    public static let noteStartOrEnd =
        "creation_time usually marks the start of recording, but some devices write the end: both windows are given"
    public static let noteNoZone =
        "no time zone was written: the instant may be local time at the place of recording, not UTC"

    /// Reads a `creation_time` such as `2024-11-20T14:03:07.000000Z`, `2024-11-20 14:03:07`,
    /// or `2024-11-20T16:03:07+0200`, and spans both windows with `duration`.
    /// Returns `nil` when the text is not an ISO 8601 date and time or the duration is negative.
    public init?(creationTime text: String, duration: MediaTime) {
        guard let parsed = CivilTime.parse(text), duration.pts >= 0, duration.timeBase.denominator > 0,
              duration.timeBase.numerator > 0 else { return nil }
        let length = duration.rescaled(to: Rational(1, 1_000_000)).pts
        let utc = parsed.offsetSeconds != nil
        let local = parsed.microsecondsSinceEpoch
        let (start, overflow) = local.subtractingReportingOverflow(Int64(parsed.offsetSeconds ?? 0) * 1_000_000)
        guard !overflow, start.addingReportingOverflow(length).overflow == false,
              start.subtractingReportingOverflow(length).overflow == false else { return nil }

        written = text
        hasZone = utc
        utcOffsetSeconds = parsed.offsetSeconds
        instant = Instant(microsecondsSinceEpoch: start, isUTC: utc)
        durationPTS = duration.pts
        durationTimeBase = duration.timeBase
        ifStart = Span(start: instant, end: Instant(microsecondsSinceEpoch: start + length, isUTC: utc))
        ifEnd = Span(start: Instant(microsecondsSinceEpoch: start - length, isUTC: utc), end: instant)
        notes = utc ? [Self.noteStartOrEnd] : [Self.noteStartOrEnd, Self.noteNoZone]
    }

    /// The duration the windows span.
    public var duration: MediaTime { MediaTime(pts: durationPTS, timeBase: durationTimeBase) }

    enum CodingKeys: String, CodingKey {
        case written
        case hasZone = "has_zone"
        case utcOffsetSeconds = "utc_offset_seconds"
        case instant
        case durationPTS = "duration_pts"
        case durationTimeBase = "duration_time_base"
        case ifStart = "if_start"
        case ifEnd = "if_end"
        case notes
    }
}

/// A proleptic Gregorian date and time of day, counted in microseconds from 1970-01-01T00:00:00
/// on whatever clock it was written in.
private struct CivilTime {
    var microsecondsSinceEpoch: Int64
    /// The written zone offset in seconds east of UTC; `nil` when none was written.
    var offsetSeconds: Int?

    init(microsecondsSinceEpoch: Int64, offsetSeconds: Int? = nil) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
        self.offsetSeconds = offsetSeconds
    }

    /// `YYYY-MM-DD`, `T` or a space, `HH:MM[:SS[.fraction]]`, then optionally `Z`, `±HH`,
    /// `±HHMM` or `±HH:MM`. Fraction digits past the sixth are dropped (microsecond precision).
    static func parse(_ text: String) -> CivilTime? {
        var scanner = Scanner(Array(text.utf8))
        scanner.skipSpaces()
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
              let day = scanner.digits(2), scanner.take("T") || scanner.take("t") || scanner.take(" "),
              let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2)
        else { return nil }
        var second = 0
        var micros = 0
        if scanner.take(":") {
            guard let value = scanner.digits(2) else { return nil }
            second = value
            if scanner.take(".") || scanner.take(",") {
                var count = 0
                while let digit = scanner.digit() {
                    if count < 6 { micros = micros * 10 + digit }
                    count += 1
                }
                guard count > 0 else { return nil }
                for _ in min(count, 6)..<6 { micros *= 10 }
            }
        }
        var offset: Int?
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(2) else { return nil }
            var minutes = 0
            let colon = scanner.take(":")
            if let value = scanner.digits(2) { minutes = value } else if colon { return nil }
            guard hours <= 23, minutes <= 59 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        scanner.skipSpaces()
        guard scanner.atEnd, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return CivilTime(microsecondsSinceEpoch: seconds * 1_000_000 + Int64(micros), offsetSeconds: offset)
    }

    /// `YYYY-MM-DDTHH:MM:SS`, with `.ffffff` when there are microseconds.
    var iso8601: String {
        let micros = microsecondsSinceEpoch
        let (secondsTotal, fraction) = Self.floorDivide(micros, 1_000_000)
        let (days, secondOfDay) = Self.floorDivide(secondsTotal, 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60
        var text = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        text += "T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):\(Self.pad(second, 2))"
        if fraction != 0 { text += ".\(Self.pad(fraction, 6))" }
        return text
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 { quotient -= 1; remainder += divisor }
        return (quotient, remainder)
    }

    private static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01, counting years from March so that the leap day falls last.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = Int64((month + 9) % 12)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSinceEpoch`.
    private static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

/// A cursor over ASCII bytes for the timestamp grammar.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func digit() -> Int? {
        guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - 48)
    }

    /// Exactly `count` digits, or `nil` without moving.
    mutating func digits(_ count: Int) -> Int? {
        let start = index
        var value = 0
        for _ in 0..<count {
            guard let d = digit() else { index = start; return nil }
            value = value * 10 + d
        }
        return value
    }

    mutating func sign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 32 { index += 1 }
    }
}
