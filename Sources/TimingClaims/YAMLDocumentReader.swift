import Yams

/// Reads YAML with Yams' node API, keeping each value's line and column.
enum YAMLDocumentReader {
    static func read(_ text: String, file: String) throws(ClaimsFileError) -> DocumentNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ClaimsFileError(problems: [problem(for: error, in: text, file: file)])
        } catch {
            throw ClaimsFileError(problems: [ClaimsFileProblem(file: file, line: 1, column: 1, problem: "unreadable YAML: \(error)")])
        }
        guard let root else {
            throw ClaimsFileError(problems: [ClaimsFileProblem(file: file, line: 1, column: 1, problem: "the file is empty")])
        }
        return try convert(root, file: file)
    }

    private static func convert(_ node: Node, file: String) throws(ClaimsFileError) -> DocumentNode {
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            let value: DocumentNode.Value
            if scalar.style != .plain {
                value = .string(scalar.string)
            } else if node.null != nil {
                value = .null
            } else if let bool = node.bool {
                value = .bool(bool)
            } else if let int = node.int {
                value = .integer(int)
            } else if node.float != nil {
                value = .decimal(scalar.string)
            } else {
                value = .string(scalar.string)
            }
            return DocumentNode(value: value, line: line, column: column)
        case .sequence(let sequence):
            var items: [DocumentNode] = []
            for item in sequence { items.append(try convert(item, file: file)) }
            return DocumentNode(value: .list(items), line: line, column: column)
        case .mapping(let mapping):
            var entries: [DocumentEntry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ClaimsFileError(problems: [ClaimsFileProblem(file: file, line: key.mark?.line ?? line,
                                                                       column: key.mark?.column ?? column,
                                                                       problem: "keys must be plain text")])
                }
                entries.append(DocumentEntry(key: keyScalar.string, line: key.mark?.line ?? line,
                                             column: key.mark?.column ?? column, value: try convert(value, file: file)))
            }
            return DocumentNode(value: .object(entries), line: line, column: column)
        case .alias:
            throw ClaimsFileError(problems: [ClaimsFileProblem(file: file, line: line, column: column,
                                                               problem: "aliases are not allowed in a claims file")])
        }
    }

    private static func problem(for error: YamlError, in text: String, file: String) -> ClaimsFileProblem {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let place = secondOccurrence(of: key, after: context.mark, in: text)
            return ClaimsFileProblem(file: file, line: place.line, column: place.column, problem: "duplicate key \"\(key)\"")
        case .parser(_, let problem, let mark, _), .scanner(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ClaimsFileProblem(file: file, line: mark.line, column: mark.column, problem: "unreadable YAML: \(problem)")
        default:
            return ClaimsFileProblem(file: file, line: 1, column: 1, problem: "unreadable YAML: \(error)")
        }
    }

    /// Yams names the first of two duplicate keys; the problem is the second. In a block mapping
    /// it is the next line that starts with the same key at the same column.
    private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let indent = mark.column - 1
        var number = mark.line
        while number < lines.count {
            let content = lines[number]
            number += 1
            let leading = content.prefix { $0 == " " }.count
            if leading == content.count || content[leading] == "#" { continue }
            if leading < indent { break }
            guard leading == indent else { continue }
            var rest = String(String.UnicodeScalarView(content[leading...]))
            for quote in ["\"", "'"] where rest.hasPrefix(quote) { rest = String(rest.dropFirst()).replacingOccurrences(quote, "") }
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (number, indent + 1)
            }
        }
        return (mark.line, mark.column)
    }
}

private extension String {
    /// Removes every occurrence of `target` (no Foundation needed for this one use).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
