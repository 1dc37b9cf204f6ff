/// An exact ratio of two integers, as FFmpeg's `AVRational`: time bases, frame rates, aspect ratios.
///
/// Encoded as the string `"num/den"`, the way ffprobe prints rationals.
public struct Rational: Sendable, Hashable, Codable, CustomStringConvertible {
    public var numerator: Int64
    public var denominator: Int64

    public init(_ numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `nil` when the denominator is zero (FFmpeg's "unknown" rational is 0/0 or 0/1).
    public var doubleValue: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    public var description: String { "\(numerator)/\(denominator)" }

    /// Parses `"num/den"` (also `"num:den"`, as ffprobe prints aspect ratios).
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == ":" })
        guard parts.count == 2, let n = Int64(parts[0]), let d = Int64(parts[1]) else { return nil }
        self.init(n, d)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Rational(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a rational: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
