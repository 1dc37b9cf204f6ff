/// A strict JSON (RFC 8259) reader that keeps every value's line and column and every key of
/// an object in order, duplicates included, so that duplicates can be refused rather than
/// silently resolved the way `JSONDecoder` does.
struct JSONDocumentReader {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1

    init(text: String, file: String) {
        scalars = Array(text.unicodeScalars)
        self.file = file
    }

    static func read(_ text: String, file: String) throws(ClaimsFileError) -> DocumentNode {
        var reader = JSONDocumentReader(text: text, file: file)
        do throws(ClaimsFileProblem) {
            if reader.peek == "\u{FEFF}" { reader.advance() }
            let node = try reader.value(depth: 0)
            reader.skipWhitespace()
            guard reader.index == reader.scalars.count else { throw reader.problem("unexpected text after the JSON value") }
            return node
        } catch {
            throw ClaimsFileError(problems: [error])
        }
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private func problem(_ message: String) -> ClaimsFileProblem {
        ClaimsFileProblem(file: file, line: line, column: column, problem: message)
    }

    private mutating func skipWhitespace() {
        while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private mutating func expect(_ c: Unicode.Scalar) throws(ClaimsFileProblem) {
        guard peek == c else { throw problem("expected \"\(c)\"" + (peek.map { " but found \"\($0)\"" } ?? " before the end of the file")) }
        advance()
    }

    private mutating func value(depth: Int) throws(ClaimsFileProblem) -> DocumentNode {
        guard depth < 64 else { throw problem("nesting too deep") }
        skipWhitespace()
        let (startLine, startColumn) = (line, column)
        func node(_ value: DocumentNode.Value) -> DocumentNode { DocumentNode(value: value, line: startLine, column: startColumn) }
        guard let c = peek else { throw problem("expected a value before the end of the file") }
        switch c {
        case "{":
            advance()
            var entries: [DocumentEntry] = []
            skipWhitespace()
            if peek == "}" { advance(); return node(.object(entries)) }
            while true {
                skipWhitespace()
                let (keyLine, keyColumn) = (line, column)
                guard peek == "\"" else { throw problem("expected a quoted key") }
                let key = try string()
                skipWhitespace()
                try expect(":")
                let item = try value(depth: depth + 1)
                entries.append(DocumentEntry(key: key, line: keyLine, column: keyColumn, value: item))
                skipWhitespace()
                if peek == "," { advance(); continue }
                try expect("}")
                return node(.object(entries))
            }
        case "[":
            advance()
            var items: [DocumentNode] = []
            skipWhitespace()
            if peek == "]" { advance(); return node(.list(items)) }
            while true {
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                if peek == "," { advance(); continue }
                try expect("]")
                return node(.list(items))
            }
        case "\"":
            return node(.string(try string()))
        case "t", "f", "n":
            for (word, value) in [("true", DocumentNode.Value.bool(true)), ("false", .bool(false)), ("null", .null)]
            where matches(word) {
                for _ in word.unicodeScalars { advance() }
                return node(value)
            }
            throw problem("unknown word; JSON allows true, false and null")
        default:
            return node(try number())
        }
    }

    private func matches(_ word: String) -> Bool {
        let wanted = Array(word.unicodeScalars)
        return index + wanted.count <= scalars.count && Array(scalars[index..<(index + wanted.count)]) == wanted
    }

    private mutating func string() throws(ClaimsFileProblem) -> String {
        try expect("\"")
        var result = String.UnicodeScalarView()
        while true {
            guard let c = peek else { throw problem("unterminated string") }
            if c == "\"" { advance(); return String(result) }
            if c.value < 0x20 { throw problem("control character inside a string") }
            if c != "\\" { result.append(c); advance(); continue }
            advance()
            guard let escape = peek else { throw problem("unterminated string") }
            advance()
            switch escape {
            case "\"": result.append("\"")
            case "\\": result.append("\\")
            case "/": result.append("/")
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u":
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard peek == "\\" else { throw problem("unpaired surrogate in \\u escape") }
                    advance()
                    try expect("u")
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw problem("unpaired surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw problem("invalid \\u escape") }
                result.append(scalar)
            default:
                throw problem("invalid escape \"\\\(escape)\"")
            }
        }
    }

    private mutating func hex4() throws(ClaimsFileProblem) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek, let digit = Int(String(c), radix: 16) else { throw problem("expected four hex digits") }
            code = code * 16 + UInt32(digit)
            advance()
        }
        return code
    }

    private mutating func number() throws(ClaimsFileProblem) -> DocumentNode.Value {
        var text = ""
        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }
        if peek == "-" { text.unicodeScalars.append("-"); advance() }
        guard isDigit(peek) else { throw problem("expected a value") }
        if peek == "0" {
            text += "0"
            advance()
        } else {
            while isDigit(peek), let c = peek { text.unicodeScalars.append(c); advance() }
        }
        var integral = true
        if peek == "." {
            integral = false
            text += "."
            advance()
            guard isDigit(peek) else { throw problem("expected digits after the decimal point") }
            while isDigit(peek), let c = peek { text.unicodeScalars.append(c); advance() }
        }
        if peek == "e" || peek == "E" {
            integral = false
            text += "e"
            advance()
            if let c = peek, c == "+" || c == "-" { text.unicodeScalars.append(c); advance() }
            guard isDigit(peek) else { throw problem("expected digits in the exponent") }
            while isDigit(peek), let c = peek { text.unicodeScalars.append(c); advance() }
        }
        if integral, let value = Int(text) { return .integer(value) }
        return .decimal(text)
    }
}

extension ClaimsFileProblem: Error {}
