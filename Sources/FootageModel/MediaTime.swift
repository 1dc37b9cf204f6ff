/// A point in media time: an integer timestamp in a stream's rational time base.
///
/// Timestamps are never stored as floating point; `seconds` exists for display only.
public struct MediaTime: Sendable, Hashable, Codable, Comparable {
    public var pts: Int64
    public var timeBase: Rational

    public init(pts: Int64, timeBase: Rational) {
        self.pts = pts
        self.timeBase = timeBase
    }

    /// Seconds for display; exact arithmetic should stay in `pts` and `timeBase`.
    public var seconds: Double {
        Double(pts) * Double(timeBase.numerator) / Double(timeBase.denominator)
    }

    /// Rescales into another time base, rounding to nearest (half away from zero), without
    /// overflow for the ranges media uses.
    public func rescaled(to target: Rational) -> MediaTime {
        let num = Int64(pts).multipliedFullWidth(by: timeBase.numerator * target.denominator)
        let scaled = Self.divideRounded(high: num.high, low: num.low, by: timeBase.denominator * target.numerator)
        return MediaTime(pts: scaled, timeBase: target)
    }

    public static func < (lhs: MediaTime, rhs: MediaTime) -> Bool {
        if lhs.timeBase == rhs.timeBase { return lhs.pts < rhs.pts }
        // Compare a/b < c/d as a*d < c*b with 128-bit intermediate products.
        let left = lhs.pts.multipliedFullWidth(by: lhs.timeBase.numerator * rhs.timeBase.denominator)
        let right = rhs.pts.multipliedFullWidth(by: rhs.timeBase.numerator * lhs.timeBase.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }

    private static func divideRounded(high: Int64, low: UInt64, by divisor: Int64) -> Int64 {
        precondition(divisor > 0, "time base denominators are positive")
        let negative = high < 0
        // Work on the magnitude so that rounding is symmetric.
        var magnitude = (high: UInt64(bitPattern: high), low: low)
        if negative {
            let inverted = (high: ~magnitude.high, low: ~magnitude.low)
            let (lowSum, carry) = inverted.low.addingReportingOverflow(1)
            magnitude = (high: inverted.high &+ (carry ? 1 : 0), low: lowSum)
        }
        let d = UInt64(divisor)
        let (quotient, remainder) = d.dividingFullWidth((high: magnitude.high, low: magnitude.low))
        let rounded = remainder * 2 >= d ? quotient + 1 : quotient
        return negative ? -Int64(rounded) : Int64(rounded)
    }
}
