/// A point on the globe as a recording device wrote it, in ISO 6709 form
/// (`+48.4647+035.0462/`, `+48.4647+035.0462+152.3/`, `+4828.08+03502.77/`).
///
/// Coordinates are decimal degrees (WGS 84 unless the text names another system); the text as
/// written is kept beside them, since it is the evidence and the numbers are a reading of it.
public struct GeoLocation: Sendable, Hashable, Codable {
    /// The ISO 6709 string exactly as found in the file's metadata.
    public var written: String
    /// Degrees north (negative: south), in [-90, 90].
    public var latitude: Double
    /// Degrees east (negative: west), in [-180, 180].
    public var longitude: Double
    /// Metres above the reference surface, when the text gives a third component.
    public var altitude: Double?
    /// The coordinate reference system named after `CRS`, when the text names one.
    public var referenceSystem: String?

    public init(written: String, latitude: Double, longitude: Double,
                altitude: Double? = nil, referenceSystem: String? = nil) {
        self.written = written
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        self.referenceSystem = referenceSystem
    }

    /// Parses an ISO 6709 point. Latitude and longitude may each be written as degrees
    /// (`±DD.D`, `±DDD.D`), degrees and minutes (`±DDMM.M`, `±DDDMM.M`) or degrees, minutes and
    /// seconds (`±DDMMSS.S`, `±DDDMMSS.S`); the number of integer digits says which.
    /// Returns `nil` for anything else, including out-of-range values.
    public init?(iso6709 text: String) {
        var body = Substring(text)
        while body.first?.isWhitespace == true { body.removeFirst() }
        while body.last?.isWhitespace == true { body.removeLast() }
        if body.hasSuffix("/") { body = body.dropLast() }
        var referenceSystem: String?
        if let crs = body.firstRange(of: "CRS") {
            let name = body[crs.upperBound...]
            guard !name.isEmpty else { return nil }
            referenceSystem = String(name)
            body = body[..<crs.lowerBound]
        }
        let components = Self.signedComponents(body)
        guard components.count == 2 || components.count == 3 else { return nil }
        guard let latitude = Self.angle(components[0], degreeDigits: 2, limit: 90),
              let longitude = Self.angle(components[1], degreeDigits: 3, limit: 180) else { return nil }
        var altitude: Double?
        if components.count == 3 {
            guard let value = Self.plainNumber(components[2]) else { return nil }
            altitude = value
        }
        self.init(written: text, latitude: latitude, longitude: longitude,
                  altitude: altitude, referenceSystem: referenceSystem)
    }

    enum CodingKeys: String, CodingKey {
        case written, latitude, longitude, altitude
        case referenceSystem = "reference_system"
    }

    /// Splits `+48.46+035.04-12` into `["+48.46", "+035.04", "-12"]`; every component must
    /// start with a sign.
    private static func signedComponents(_ body: Substring) -> [Substring] {
        guard let first = body.first, first == "+" || first == "-" else { return [] }
        var parts: [Substring] = []
        var start = body.startIndex
        var index = body.index(after: start)
        while index < body.endIndex {
            if body[index] == "+" || body[index] == "-" {
                parts.append(body[start..<index])
                start = index
            }
            index = body.index(after: index)
        }
        parts.append(body[start...])
        return parts
    }

    /// Reads one signed angle whose degree part has `degreeDigits` digits.
    private static func angle(_ component: Substring, degreeDigits: Int, limit: Double) -> Double? {
        guard let sign = component.first else { return nil }
        let digits = component.dropFirst()
        let integerPart = digits.prefix { $0 != "." }
        let fraction = digits.dropFirst(integerPart.count)
        guard !integerPart.isEmpty, integerPart.allSatisfy(\.isASCIIDigit),
              fraction.isEmpty || (fraction.count > 1 && fraction.dropFirst().allSatisfy(\.isASCIIDigit))
        else { return nil }
        guard let fractionValue = Double("0" + (fraction.isEmpty ? ".0" : String(fraction))) else { return nil }

        let degreeText = integerPart.prefix(degreeDigits)
        let rest = integerPart.dropFirst(degreeDigits)
        guard degreeText.count == degreeDigits, let degrees = Double(degreeText) else { return nil }
        var value: Double
        switch rest.count {
        case 0:
            value = degrees + fractionValue
        case 2:
            guard let minutes = Double(rest), minutes < 60 else { return nil }
            value = degrees + (minutes + fractionValue) / 60
        case 4:
            guard let minutes = Double(rest.prefix(2)), let seconds = Double(rest.suffix(2)),
                  minutes < 60, seconds < 60 else { return nil }
            value = degrees + minutes / 60 + (seconds + fractionValue) / 3600
        default:
            return nil
        }
        guard value <= limit else { return nil }
        if sign == "-" { value = -value }
        return value
    }

    private static func plainNumber(_ component: Substring) -> Double? {
        let digits = component.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
              digits.filter({ $0 == "." }).count <= 1, digits.first != ".", digits.last != "."
        else { return nil }
        return Double(component)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
