/// A file name or path exactly as the file system gave it: any bytes, not necessarily UTF-8.
///
/// Names are evidence too, so they are kept byte for byte; `escaped` is the only form that is
/// ever shown, so that a name can never move a terminal's cursor or hide part of itself.
public struct ClipFileName: Sendable, Hashable, Codable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public init(_ text: String) { self.bytes = Array(text.utf8) }

    /// The last path component of a raw path (everything after the last `/`).
    public init(lastComponentOf path: [UInt8]) {
        var end = path.endIndex
        while end > path.startIndex, path[end - 1] == UInt8(ascii: "/") { end -= 1 }
        var start = end
        while start > path.startIndex, path[start - 1] != UInt8(ascii: "/") { start -= 1 }
        self.bytes = Array(path[start..<end])
    }

    /// Printable text: valid UTF-8 other than control characters is kept; a newline is `\n`, a tab
    /// `\t`, a backslash `\\`, and every other control byte or byte that is not valid UTF-8 is `\xNN`.
    public var escaped: String {
        // Most names are plain printable ASCII: nothing to escape.
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = Self.scalarLength(bytes, at: index)
            if length == 0 {
                out += Self.hexEscape(bytes[index])
                index += 1
                continue
            }
            let scalarBytes = bytes[index..<(index + length)]
            let text = String(decoding: scalarBytes, as: UTF8.self)
            for scalar in text.unicodeScalars {
                out += Self.escape(scalar)
            }
            index += length
        }
        return out
    }

    public var description: String { escaped }

    /// Text made safe for a terminal without the full escaping: control characters and
    /// bidirectional overrides become `\xNN`, everything else (backslashes included) is kept.
    /// For showing text that is already an escaped form, such as JSON.
    public static func terminalSafe(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            out += scalar == "\\" ? "\\" : escape(scalar)
        }
        return out
    }

    /// The bytes as UTF-8 if they are valid, for callers that must pass a `String` path on.
    public var utf8String: String? { String(validating: bytes, as: UTF8.self) }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        case "\\": return "\\\\"
        default: break
        }
        // C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what is shown.
        let value = scalar.value
        if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
            return String(scalar).utf8.map(hexEscape).joined()
        }
        return String(scalar)
    }

    private static func hexEscape(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 if there is none.
    private static func scalarLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.endIndex else { return 0 }
        let candidate = Array(bytes[index..<(index + length)])
        return String(validating: candidate, as: UTF8.self) == nil ? 0 : length
    }

    /// Reverses `escaped`: the escaping is one-to-one because a backslash is itself escaped.
    public init?(escaped text: String) {
        var out: [UInt8] = []
        var rest = Substring(text).utf8[...]
        while let byte = rest.first {
            rest = rest.dropFirst()
            guard byte == UInt8(ascii: "\\") else { out.append(byte); continue }
            guard let code = rest.first else { return nil }
            rest = rest.dropFirst()
            switch code {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "x"):
                guard rest.count >= 2,
                      let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                out.append(value)
                rest = rest.dropFirst(2)
            default: return nil
            }
        }
        self.bytes = out
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let name = ClipFileName(escaped: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an escaped name: \(text)")
        }
        self = name
    }

    /// Encoded as its escaped form: JSON output must stay valid and safe to print.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(escaped)
    }
}
