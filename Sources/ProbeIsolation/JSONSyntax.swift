/// Checks that bytes are one well-formed JSON value (RFC 8259) without building it, so that a
/// worker's payload can be passed on verbatim and a broken or hostile worker still cannot put
/// malformed JSON on our stdout. Nesting is bounded, so a hostile reply cannot exhaust the stack.
struct JSONSyntax {
    private let bytes: [UInt8]
    private let end: Int
    private var index: Int
    private static let maximumDepth = 256

    /// Whether `bytes[range]` is exactly one JSON value, surrounded by optional whitespace.
    static func isValid(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        var scanner = JSONSyntax(bytes: bytes, end: range.upperBound, index: range.lowerBound)
        guard scanner.value(depth: 0) else { return false }
        scanner.skipWhitespace()
        return scanner.index == scanner.end
    }

    private mutating func value(depth: Int) -> Bool {
        skipWhitespace()
        guard index < end, depth < Self.maximumDepth else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> Bool {
        index += 1
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: "\""), string() else { return false }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")), value(depth: depth) else { return false }
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return true }
            guard consume(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func array(depth: Int) -> Bool {
        index += 1
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return true }
        while true {
            guard value(depth: depth) else { return false }
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return true }
            guard consume(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func string() -> Bool {
        index += 1
        while index < end {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"):
                guard index < end else { return false }
                let escaped = bytes[index]
                index += 1
                if escaped == UInt8(ascii: "u") {
                    guard index + 4 <= end, bytes[index..<index + 4].allSatisfy(Self.isHexDigit) else { return false }
                    index += 4
                } else {
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                         UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        continue
                    default:
                        return false
                    }
                }
            case 0..<0x20: return false
            default: continue
            }
        }
        return false
    }

    private mutating func number() -> Bool {
        let start = index
        _ = consume(UInt8(ascii: "-"))
        guard digits() > 0 else { return false }
        // A leading zero may not be followed by more digits.
        let integerStart = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
        if bytes[integerStart] == UInt8(ascii: "0") && index - integerStart > 1 { return false }
        if consume(UInt8(ascii: ".")) { guard digits() > 0 else { return false } }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard digits() > 0 else { return false }
        }
        return true
    }

    private mutating func digits() -> Int {
        let start = index
        while index < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: String) -> Bool {
        let expected = Array(word.utf8)
        guard index + expected.count <= end, Array(bytes[index..<index + expected.count]) == expected else { return false }
        index += expected.count
        return true
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}
