/// A JSON value with object keys kept in the order they were added, so exports come out in a
/// readable, stable order. Numbers are integers or exact decimal text: no binary floating point.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    /// Decimal text as JSON writes it (`9.04`, `-0.5`); `JSONValue.number(_:)` checks the text.
    case decimal(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// An object from key–value pairs, in order; a `nil` value leaves its key out.
    public static func record(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { pair in pair.value.map { Member(pair.key, $0) } })
    }

    /// A decimal number from exact text; `nil` unless the text is a JSON number.
    public static func number(_ text: String) -> JSONValue? {
        JSONNumberSyntax.isValid(text) ? .decimal(text) : nil
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Appends (or replaces) a member of an object; no effect on other values.
    public mutating func set(_ key: String, _ value: JSONValue) {
        guard case .object(var members) = self else { return }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(Member(key, value))
        }
        self = .object(members)
    }
}

/// The JSON number grammar (RFC 8259 §6).
enum JSONNumberSyntax {
    static func isValid(_ text: String) -> Bool {
        var chars = Array(text.utf8)[...]
        func digits() -> Int {
            let count = chars.prefix(while: { (0x30...0x39).contains($0) }).count
            chars = chars.dropFirst(count)
            return count
        }
        if chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
        if chars.first == UInt8(ascii: "0") {
            chars = chars.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            if digits() == 0 { return false }
        }
        if chars.first == UInt8(ascii: "e") || chars.first == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if chars.first == UInt8(ascii: "+") || chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
            if digits() == 0 { return false }
        }
        return chars.isEmpty
    }
}
