/// Reads a claims CSV (RFC 4180: commas, double-quoted fields, `""` for a quote inside one):
/// a header row of field names, then one claim per row. Empty cells are absent fields, and a
/// `count` cell of digits is an integer.
enum CSVDocumentReader {
    private struct Cell {
        var text: String
        var line: Int
        var column: Int
    }

    static func read(_ text: String, file: String, fields: Set<String>) throws(ClaimsFileError) -> DocumentNode {
        let rows = try cells(text, file: file)
        guard let header = rows.first else {
            throw ClaimsFileError(problems: [ClaimsFileProblem(file: file, line: 1, column: 1, problem: "the file is empty")])
        }
        var problems: [ClaimsFileProblem] = []
        var seen: Set<String> = []
        for cell in header {
            if !fields.contains(cell.text) {
                problems.append(ClaimsFileProblem(file: file, line: cell.line, column: cell.column,
                                                  problem: "unknown field \"\(cell.text)\""))
            } else if !seen.insert(cell.text).inserted {
                problems.append(ClaimsFileProblem(file: file, line: cell.line, column: cell.column,
                                                  problem: "duplicate key \"\(cell.text)\""))
            }
        }
        var claims: [DocumentNode] = []
        for row in rows.dropFirst() {
            if row.count == 1 && row[0].text.isEmpty { continue }
            if row.count != header.count {
                problems.append(ClaimsFileProblem(file: file, line: row[0].line, column: 1,
                                                  problem: "the row has \(row.count) cells but the header has \(header.count)"))
                continue
            }
            var entries: [DocumentEntry] = []
            for (name, cell) in zip(header, row) where !cell.text.isEmpty {
                let value: DocumentNode.Value = (name.text == "count" && cell.text.allSatisfy(\.isASCII)
                    && Int(cell.text) != nil) ? .integer(Int(cell.text) ?? 0) : .string(cell.text)
                entries.append(DocumentEntry(key: name.text, line: cell.line, column: cell.column,
                                             value: DocumentNode(value: value, line: cell.line, column: cell.column)))
            }
            claims.append(DocumentNode(value: .object(entries), line: row[0].line, column: 1))
        }
        if !problems.isEmpty { throw ClaimsFileError(problems: problems) }
        let list = DocumentNode(value: .list(claims), line: 2, column: 1)
        return DocumentNode(value: .object([DocumentEntry(key: "claims", line: 1, column: 1, value: list)]), line: 1, column: 1)
    }

    private static func cells(_ text: String, file: String) throws(ClaimsFileError) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var field = ""
        var line = 1
        var column = 1
        var fieldLine = 1
        var fieldColumn = 1
        var quoted = false
        var atFieldStart = true
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endField() {
            row.append(Cell(text: field, line: fieldLine, column: fieldColumn))
            field = ""
            atFieldStart = true
        }
        while i < scalars.count {
            let c = scalars[i]
            if atFieldStart {
                fieldLine = line
                fieldColumn = column
                atFieldStart = false
                if c == "\"" { quoted = true; i += 1; column += 1; continue }
            }
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 2
                        column += 2
                        continue
                    }
                    quoted = false
                    i += 1
                    column += 1
                    if i < scalars.count, ![",", "\n", "\r"].contains(scalars[i]) {
                        throw ClaimsFileError(problems: [ClaimsFileProblem(file: file, line: line, column: column,
                                                                           problem: "text after a closing quote")])
                    }
                    continue
                }
                field.unicodeScalars.append(c)
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
                continue
            }
            switch c {
            case ",":
                endField()
                column += 1
                atFieldStart = true
            case "\r":
                break
            case "\n":
                endField()
                rows.append(row)
                row = []
                line += 1
                column = 0
            default:
                field.unicodeScalars.append(c)
            }
            if c != "," { column += 1 }
            i += 1
        }
        if quoted {
            throw ClaimsFileError(problems: [ClaimsFileProblem(file: file, line: fieldLine, column: fieldColumn,
                                                               problem: "unterminated quoted field")])
        }
        if !atFieldStart || !row.isEmpty || !field.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}
