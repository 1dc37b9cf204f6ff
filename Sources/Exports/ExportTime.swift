public import Foundation
public import FootageModel

/// Time as the export formats write it, derived from integer media time without floating point:
/// exact decimal seconds (to the microsecond), ISO 8601 durations, media-fragment ranges and
/// `xsd:dateTime` instants.
public enum ExportTime {
    static let microsecond = Rational(1, 1_000_000)

    /// Seconds as decimal text with trailing zeros removed: `9.04`, `5`, `0.000033`.
    /// Rounded to the nearest microsecond when the time base does not divide evenly.
    public static func decimalSeconds(_ time: MediaTime) -> String {
        let micros = time.rescaled(to: microsecond).pts
        return decimal(microseconds: micros)
    }

    static func decimal(microseconds: Int64) -> String {
        let sign = microseconds < 0 ? "-" : ""
        let magnitude = microseconds.magnitude
        let whole = magnitude / 1_000_000
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// An ISO 8601 duration: `PT9.04S`, `PT1M5.5S`, `PT1H0M2S`; `PT0S` for zero.
    public static func isoDuration(_ time: MediaTime) throws(ExportError) -> String {
        let micros = time.rescaled(to: microsecond).pts
        guard micros >= 0 else { throw .unrepresentable(what: "duration \(time.pts) in \(time.timeBase)", reason: "a duration is not negative") }
        let hours = micros / 3_600_000_000
        let minutes = micros % 3_600_000_000 / 60_000_000
        let seconds = decimal(microseconds: micros % 60_000_000)
        if hours > 0 { return "PT\(hours)H\(minutes)M\(seconds)S" }
        if minutes > 0 { return "PT\(minutes)M\(seconds)S" }
        return "PT\(seconds)S"
    }

    /// The media fragment `#t=start,end` (normal play time, seconds).
    public static func mediaFragment(start: MediaTime, end: MediaTime) -> String {
        "#t=\(decimalSeconds(start)),\(decimalSeconds(end))"
    }

    /// Milliseconds, rounded to nearest, as WebVTT cues take them.
    public static func milliseconds(_ time: MediaTime) -> Int64 {
        time.rescaled(to: Rational(1, 1000)).pts
    }

    /// `xsd:dateTime` in UTC with a `Z`: `2026-11-20T09:30:00Z`.
    public static func dateTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// A calendar date `YYYY-MM-DD` in UTC, as schema.org's `datePublished` often carries.
    public static func day(_ date: Date) -> String {
        BagInfo.day(date)
    }

    /// Exact seconds as media time in a time base of one over their denominator.
    public static func mediaTime(_ seconds: ExactSeconds) -> MediaTime {
        MediaTime(pts: seconds.numerator, timeBase: Rational(1, seconds.denominator))
    }

    /// The exact sum of two media times, whatever their time bases.
    public static func sum(_ lhs: MediaTime, _ rhs: MediaTime) -> MediaTime {
        guard let left = ExactSeconds(lhs), let right = ExactSeconds(rhs) else {
            return MediaTime(pts: lhs.pts + rhs.rescaled(to: lhs.timeBase).pts, timeBase: lhs.timeBase)
        }
        return mediaTime(left + right)
    }
}
