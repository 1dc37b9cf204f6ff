/// A value read from a claims file (JSON, YAML or CSV), with where it was written, so that
/// every problem can name its line and column.
struct DocumentNode {
    enum Value {
        case string(String)
        case integer(Int)
        /// A number that is not an integer, kept as written so that it stays exact.
        case decimal(String)
        case bool(Bool)
        case null
        case list([DocumentNode])
        case object([DocumentEntry])
    }

    var value: Value
    var line: Int
    var column: Int

    /// What the value is, for messages ("a string", "a list").
    var typeName: String {
        switch value {
        case .string: "a string"
        case .integer: "an integer"
        case .decimal: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .list: "a list"
        case .object: "an object"
        }
    }
}

/// One key and value of an object, with where the key was written.
struct DocumentEntry {
    var key: String
    var line: Int
    var column: Int
    var value: DocumentNode
}
