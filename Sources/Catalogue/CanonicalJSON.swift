/// A small, fully specified JSON writer for the custody chain's canonical form: keys in the
/// order given (callers sort them), no whitespace, strings with only `"` `\` and control
/// characters escaped. It does not depend on any encoder's formatting choices, so a digest
/// computed today can be recomputed by any later version.
enum CanonicalJSON {
    enum Value {
        case string(String)
        case integer(Int64)
        case null
    }

    static func object(_ members: [(String, Value)]) -> String {
        "{" + members.map { quote($0.0) + ":" + render($0.1) }.joined(separator: ",") + "}"
    }

    private static func render(_ value: Value) -> String {
        switch value {
        case let .string(text): quote(text)
        case let .integer(number): String(number)
        case .null: "null"
        }
    }

    static func quote(_ text: String) -> String {
        // Most values need no escaping at all.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
