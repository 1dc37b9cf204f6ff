/// An exact number of seconds in player time: a reduced fraction of two integers.
///
/// Claimed bounds such as 5.5 s or 64.4995 s, and measured times taken from a `MediaTime`, are
/// held exactly so that "is 6.0 inside [5, 6)?" never depends on rounding. Encoded as a string:
/// a decimal when the fraction terminates (`"5.5"`), otherwise `"num/den"` (`"1/3"`).
public struct ExactSeconds: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Numerator of the reduced fraction; carries the sign.
    public let numerator: Int64
    /// Denominator of the reduced fraction; always positive.
    public let denominator: Int64

    /// `nil` when the denominator is zero.
    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else { return nil }
        let sign: Int64 = denominator < 0 ? -1 : 1
        let divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = sign * numerator / Int64(divisor)
        self.denominator = sign * denominator / Int64(divisor)
    }

    public init(whole seconds: Int64) {
        numerator = seconds
        denominator = 1
    }

    public init(milliseconds: Int64) {
        self = ExactSeconds(milliseconds, 1000) ?? .zero
    }

    /// The exact value of a media timestamp.
    public init?(_ time: MediaTime) {
        guard time.timeBase.denominator != 0 else { return nil }
        let (n, nOverflow) = time.pts.multipliedReportingOverflow(by: time.timeBase.numerator)
        guard !nOverflow else { return nil }
        self.init(n, time.timeBase.denominator)
    }

    public static let zero = ExactSeconds(whole: 0)

    /// Seconds for display; comparisons and sums stay exact.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public var isNegative: Bool { numerator < 0 }

    public static func + (lhs: ExactSeconds, rhs: ExactSeconds) -> ExactSeconds {
        let lcm = lhs.denominator / Int64(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude)) * rhs.denominator
        let sum = lhs.numerator * (lcm / lhs.denominator) + rhs.numerator * (lcm / rhs.denominator)
        return ExactSeconds(sum, lcm) ?? .zero
    }

    public static prefix func - (value: ExactSeconds) -> ExactSeconds {
        ExactSeconds(-value.numerator, value.denominator) ?? .zero
    }

    public static func - (lhs: ExactSeconds, rhs: ExactSeconds) -> ExactSeconds { lhs + (-rhs) }

    /// Multiplies by a small integer ratio (halving a precision, taking 10 % of a value).
    public func scaled(by numerator: Int64, over denominator: Int64) -> ExactSeconds {
        ExactSeconds(self.numerator * numerator, self.denominator * denominator) ?? .zero
    }

    public var magnitude: ExactSeconds { isNegative ? -self : self }

    public static func < (lhs: ExactSeconds, rhs: ExactSeconds) -> Bool {
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }

    /// The decimal form when the fraction terminates (denominator of the form 2^a·5^b).
    public var description: String {
        var rest = denominator
        var twos = 0
        var fives = 0
        while rest % 2 == 0 { rest /= 2; twos += 1 }
        while rest % 5 == 0 { rest /= 5; fives += 1 }
        guard rest == 1 else { return "\(numerator)/\(denominator)" }
        let digits = max(twos, fives)
        if digits == 0 { return "\(numerator)" }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = numerator.magnitude * UInt64(scale / denominator)
        let whole = scaled / UInt64(scale)
        var fraction = String(scaled % UInt64(scale))
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = numerator < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Parses `"5"`, `"-0.25"`, `"65.2495"` or `"1/3"`; `nil` for anything else. Written decimals
    /// are limited to under a million seconds and six places, so that sums and comparisons of
    /// claimed times never overflow.
    public init?(parsing text: String) {
        if let slash = text.firstIndex(of: "/") {
            guard let n = Int64(text[..<slash]), let d = Int64(text[text.index(after: slash)...]),
                  n.magnitude < 1_000_000_000_000, (1..<1_000_000_000).contains(d) else { return nil }
            self.init(n, d)
            return
        }
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.count == 1 || !parts[1].isEmpty, (parts.count == 1 ? 0 : parts[1].count) <= 6,
              parts[0].count <= 7, let whole = Int64(parts[0]), whole < 1_000_000 else { return nil }
        var numerator = whole
        var denominator: Int64 = 1
        if parts.count == 2, let fraction = Int64(parts[1]) {
            for _ in 0..<parts[1].count { denominator *= 10 }
            let (scaled, overflow) = whole.multipliedReportingOverflow(by: denominator)
            guard !overflow else { return nil }
            numerator = scaled + fraction
        }
        self.init(negative ? -numerator : numerator, denominator)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ExactSeconds(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an exact number of seconds: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }
}
