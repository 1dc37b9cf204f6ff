/// Renders a `JSONValue` as UTF-8 JSON text, compact or indented by two spaces.
public enum JSONWriter {
    public static func render(_ value: JSONValue, pretty: Bool = true, escapingMarkup: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil, escapingMarkup: escapingMarkup)
        if pretty { out += "\n" }
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: Int?, escapingMarkup: Bool) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .integer(let number): out += String(number)
        case .decimal(let text): out += text
        case .string(let text): writeString(text, into: &out, escapingMarkup: escapingMarkup)
        case .array(let items):
            writeContainer("[", "]", items, into: &out, indent: indent) { item, out, inner in
                write(item, into: &out, indent: inner, escapingMarkup: escapingMarkup)
            }
        case .object(let members):
            writeContainer("{", "}", members, into: &out, indent: indent) { member, out, inner in
                writeString(member.key, into: &out, escapingMarkup: escapingMarkup)
                out += inner == nil ? ":" : ": "
                write(member.value, into: &out, indent: inner, escapingMarkup: escapingMarkup)
            }
        }
    }

    private static func writeContainer<Item>(_ open: String, _ close: String, _ items: [Item], into out: inout String,
                                             indent: Int?, each: (Item, inout String, Int?) -> Void) {
        out += open
        guard !items.isEmpty else {
            out += close
            return
        }
        let inner = indent.map { $0 + 2 }
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            each(item, &out, inner)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    /// Escapes quotes, backslashes, control characters and the line separators JavaScript
    /// rejects; with `escapingMarkup`, also `<`, `>` and `&`, so the text can sit inside a WebVTT
    /// cue or an HTML page without being read as markup or as a cue timing arrow.
    static func writeString(_ text: String, into out: inout String, escapingMarkup: Bool) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where escapingMarkup, ">" where escapingMarkup, "&" where escapingMarkup:
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += unicodeEscape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
