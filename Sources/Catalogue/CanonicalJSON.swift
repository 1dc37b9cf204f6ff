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
        "null".utf8.forEach { out.append($0) }
    }

    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }

    /// A string given as its UTF-8 bytes. Every byte of a multi-byte UTF-8 sequence is 0x80 or
    /// above, so escaping byte by byte is the same as escaping scalar by scalar.
    static func appendString(_ utf8: some Collection<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if needsEscape(byte) { appendEscape(byte, to: &out) } else { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A string of ASCII bytes without NUL, written exactly as `appendString` writes it: the runs
    /// between bytes that need escaping are copied whole, found eight bytes at a time. Returns
    /// false, having written part of it, on a byte that is not ASCII or is NUL (text that must be
    /// decoded to be written).
    static func appendPlainString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // A whole word of bytes that need nothing stays in the run.
            if index + 8 <= bytes.count, isPlainWord(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte >= 0x80 || byte == 0 { return false }
            if needsEscape(byte) {
                if runStart < index { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index])) }
                appendEscape(byte, to: &out)
                runStart = index + 1
            }
            index += 1
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...])) }
        out.append(UInt8(ascii: "\""))
        return true
    }

    /// Whether eight bytes are all ASCII from space up, none `"` or `\` (the usual bit tricks:
    /// a byte below a bound, or equal to one, sets its high bit in the tested value).
    private static func isPlainWord(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let below = (word &- ones &* 0x20) & ~word
        let quoted = (quote &- ones) & ~quote
        let escaped = (backslash &- ones) & ~backslash
        return (word | below | quoted | escaped) & high == 0
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The escape for `"`, `\` or a control character, a byte at a time (no temporary array).
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            let digits: StaticString = "0123456789abcdef"
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0"))
            digits.withUTF8Buffer { table in
                out.append(table[Int(byte >> 4)])
                out.append(table[Int(byte & 0x0F)])
            }
        }
    }
}
