/// A plain-text table for terminals: columns padded to their widest cell, and cells of the
/// columns that may shrink cut with "…" so that each line fits `width` characters.
struct ColumnTable {
    struct Column {
        var title: String
        /// The narrowest this column is cut to when the line is too long; `nil`: never cut.
        var minimumWidth: Int?
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    /// The table as lines, header first, two spaces between columns, no trailing spaces.
    func render(width: Int = 100) -> String {
        var widths = columns.indices.map { index in
            ([columns[index].title] + rows.map { $0.indices.contains(index) ? $0[index] : "" }).map(\.count).max() ?? 0
        }
        var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - width
        // Shrink the widest shrinkable column first, one character at a time, until the line fits.
        while excess > 0 {
            let candidates = columns.indices.filter { index in
                columns[index].minimumWidth.map { widths[index] > $0 } ?? false
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        var lines = [line(columns.map(\.title), widths)]
        lines += rows.map { line($0, widths) }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            var cell = cells.indices.contains(index) ? cells[index] : ""
            if cell.count > width { cell = String(cell.prefix(max(0, width - 1))) + "…" }
            parts.append(index == widths.count - 1 ? cell : cell + String(repeating: " ", count: width - cell.count))
        }
        var text = parts.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
