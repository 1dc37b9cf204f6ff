/// Reads `Label: value` tag files (`bagit.txt`, `bag-info.txt`). A line starting with a space or
/// tab continues the previous value.
enum TagFileParser {
    struct Parsed {
        var tags: [(label: String, value: String)] = []
        /// Line numbers of lines that are neither a tag nor a continuation.
        var malformedLines: [Int] = []
        var isValidUTF8 = true
    }

    static func parse(_ bytes: [UInt8]) -> Parsed {
        var parsed = Parsed()
        guard let text = String(validating: bytes, as: UTF8.self) else {
            parsed.isValidUTF8 = false
            return parsed
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (offset, line) in lines.enumerated() {
            if let first = line.first, first == " " || first == "\t", !parsed.tags.isEmpty {
                parsed.tags[parsed.tags.count - 1].value += " " + line.trimmingBlanks()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                parsed.malformedLines.append(offset + 1)
                continue
            }
            let label = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingBlanks()
            if label.isEmpty || label.trimmingBlanks() != label {
                parsed.malformedLines.append(offset + 1)
                continue
            }
            parsed.tags.append((label, value))
        }
        return parsed
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !blank($0) }), let end = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[start...end])
    }
}
