/// The percent-encoding RFC 8493 requires in manifest paths: `%`, CR and LF, and nothing else.
enum ManifestPathCoding {
    /// The text a manifest line carries for `path`.
    static func encode(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A percent escape found while decoding, with the byte it stands for.
    struct Escape: Equatable {
        var byte: UInt8
        /// Byte offset of the `%` in the encoded text.
        var offset: Int
    }

    enum DecodeResult: Equatable {
        case decoded(bytes: [UInt8], escapes: [Escape])
        /// A `%` not followed by two hex digits.
        case malformed(offset: Int)
    }

    /// Decodes every `%XX` escape (not only the three the RFC requires), so the inspector sees
    /// what a lenient reader would make of the path.
    static func decode(_ raw: [UInt8]) -> DecodeResult {
        var bytes: [UInt8] = []
        var escapes: [Escape] = []
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                index += 1
                continue
            }
            guard index + 2 < raw.count,
                  let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2]) else {
                return .malformed(offset: index)
            }
            let decoded = high << 4 | low
            bytes.append(decoded)
            escapes.append(Escape(byte: decoded, offset: index))
            index += 3
        }
        return .decoded(bytes: bytes, escapes: escapes)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
