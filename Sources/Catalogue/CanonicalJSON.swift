/// A small, fully specified JSON writer for the custody chain's canonical form: members in the
/// order given (callers sort the keys), no whitespace, strings with only `"` `\` and control
/// characters escaped. It does not depend on any encoder's formatting choices, so a digest
/// computed today can be recomputed by any later version. It writes UTF-8 bytes into a buffer
/// the caller reuses, so that checking a long chain allocates nothing per event.
enum CanonicalJSON {
    /// Starts an object member: `{"key":` for the first, `,"key":` for the others.
    static func appendKey(_ key: StaticString, first: Bool, to out: inout [UInt8]) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        out.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    static func endObject(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: "}"))
    }

    static func appendNull(_ out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    /// A string given as its UTF-8 bytes. Every byte of a multi-byte UTF-8 sequence is 0x80 or
    /// above, so escaping byte by byte is the same as escaping scalar by scalar.
    static func appendString(_ utf8: some Collection<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let digits: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
