/// A SHA-256 digest, held as 64 lowercase hexadecimal characters (the form `sha256sum` prints and
/// the vault uses for object names).
public struct SHA256Digest: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The digest as 64 lowercase hex characters.
    public let hex: String

    /// The digest of no bytes at all, used as the predecessor of the first custody event.
    public static let zero = SHA256Digest(uncheckedHex: String(repeating: "0", count: 64))

    /// Accepts exactly 64 hex characters (either case); `nil` otherwise.
    public init?(hex text: String) {
        if text.utf8.count == 64, text.utf8.allSatisfy(Self.isHexDigit) {
            self.hex = text
            return
        }
        let lower = text.lowercased()
        guard lower.utf8.count == 64, lower.utf8.allSatisfy(Self.isHexDigit) else { return nil }
        self.hex = lower
    }

    /// Builds the digest from its 32 raw bytes.
    public init?(bytes: some Sequence<UInt8>) {
        var count = 0
        let text = String(unsafeUninitializedCapacity: 64) { buffer in
            for byte in bytes {
                guard count < 64 else { count += 2; continue }
                buffer[count] = Self.hexDigits[Int(byte >> 4)]
                buffer[count + 1] = Self.hexDigits[Int(byte & 0x0F)]
                count += 2
            }
            return min(count, 64)
        }
        guard count == 64 else { return nil }
        self.hex = text
    }

    /// Builds the digest from its 32 raw bytes in memory (what a hasher hands back): the same
    /// as the generic initialiser without going through a generic sequence one byte at a time.
    public init?(bytes buffer: UnsafeRawBufferPointer) {
        guard buffer.count == 32 else { return nil }
        self.hex = String(unsafeUninitializedCapacity: 64) { out in
            Self.writeHex(of: buffer, into: UnsafeMutableRawBufferPointer(out))
            return 64
        }
    }

    /// Writes the 64 lowercase hex digits of 32 raw digest bytes into `out` (64 bytes or more).
    public static func writeHex(of raw: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { table in
            for (index, byte) in raw.prefix(32).enumerated() {
                out[2 * index] = table[Int(byte >> 4)]
                out[2 * index + 1] = table[Int(byte & 0x0F)]
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private init(uncheckedHex: String) { self.hex = uncheckedHex }

    /// The first twelve characters, enough to tell clips apart in a listing.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { hex }

    public static func < (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool { lhs.hex < rhs.hex }

    /// Whether `text` could be the start of a digest: 1 to 64 hex characters.
    public static func isPrefix(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.lowercased().utf8.allSatisfy(isHexDigit)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = SHA256Digest(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a sha-256 digest: \(text)")
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }
}
