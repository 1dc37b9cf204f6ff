/// What a custody event records. Open-ended, so that a new command adds its own action without a
/// schema change; the common ones are named here.
public struct CustodyAction: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The first registration of a clip's bytes.
    public static let registered = CustodyAction(rawValue: "registered")
    /// The same bytes registered again, from a new source.
    public static let recollected = CustodyAction(rawValue: "recollected")
    /// An in-place clip whose bytes were later copied into the vault.
    public static let stored = CustodyAction(rawValue: "stored")
    public static let probed = CustodyAction(rawValue: "probed")
    public static let analysed = CustodyAction(rawValue: "analysed")
    public static let linked = CustodyAction(rawValue: "linked")
    public static let marked = CustodyAction(rawValue: "marked")
    public static let checked = CustodyAction(rawValue: "checked")
    public static let exported = CustodyAction(rawValue: "exported")
    public static let verified = CustodyAction(rawValue: "verified")
    /// A derived file (a frame, a sheet) stored in the vault.
    public static let derived = CustodyAction(rawValue: "derived")

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
