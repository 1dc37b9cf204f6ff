package import FootageModel

/// The human form of a check: one table row per verdict (claim, as written, interval, measured,
/// source, difference, verdict), then a paragraph per verdict with the explanation, the other
/// reading of an ambiguous time and the frame at the claimed moment. Fits 100 columns.
package enum VerdictTable {
    /// The page width everything is laid out for.
    package static let width = 100

    package struct Row {
        package var claim: Claim?
        package var verdict: Verdict

        package init(claim: Claim?, verdict: Verdict) {
            self.claim = claim
            self.verdict = verdict
        }
    }

    package static func render(_ rows: [Row]) -> String {
        var table: [[String]] = [["claim", "as written", "interval", "measured", "source", "difference", "verdict"]]
        for row in rows {
            table.append([
                row.verdict.claimId,
                asWritten(row),
                row.verdict.interval.map { intervalText($0.bounds.shifted(by: row.verdict.offset)) } ?? "—",
                measured(row.verdict),
                row.verdict.measurement?.source.rawValue ?? "—",
                difference(row.verdict),
                row.verdict.outcome.rawValue,
            ])
        }
        var lines = layout(table, limits: [10, 20, 12, 16, 8, 10, 12])
        for row in rows {
            lines.append("")
            lines += paragraph(for: row)
        }
        return lines.joined(separator: "\n")
    }

    /// The explanation, the other reading and the frame, wrapped under the claim's id.
    static func paragraph(for row: Row) -> [String] {
        let verdict = row.verdict
        var lines = wrap("\(verdict.claimId) \(verdict.outcome.rawValue): \(verdict.explanation)", indent: "    ")
        if let other = verdict.alternativeReading {
            lines += wrap("other reading, \(other.reading.expression) \(intervalText(other.reading.bounds.shifted(by: verdict.offset))): "
                          + "\(other.outcome.rawValue); \(other.explanation)", indent: "    ", first: "  ")
        }
        if verdict.offset != .zero {
            lines.append("  link offset \(seconds(verdict.offset)): the claim's times are moved by it in this clip")
        }
        if let frame = verdict.frame {
            lines.append("  frame at \(seconds(frame.at)): on screen from \(FrameTime.label(milliseconds: frame.playerMs)) "
                         + "(pts \(frame.pts) × \(frame.timeBase)), sha256 \(frame.digest.hex.prefix(16))…")
        }
        return lines
    }

    static func asWritten(_ row: Row) -> String {
        if let written = row.claim?.timing ?? row.verdict.interval?.written { return written }
        if let claim = row.claim {
            var words = claim.event ?? ""
            if let count = claim.count, !words.isEmpty { words = "\(count) × \(words)" }
            if claim.kind == .order, let follows = claim.follows { words += (words.isEmpty ? "" : " ") + "after \(follows)" }
            return words.isEmpty ? claim.quote : words
        }
        return "—"
    }

    static func measured(_ verdict: Verdict) -> String {
        guard let measurement = verdict.measurement else { return "—" }
        if let value = measurement.seconds {
            let kind: String
            switch measurement.name {
            case .presentedFramesDuration: kind = "frames"
            case .videoStreamDuration: kind = "stream"
            case .containerDuration: kind = "container"
            default: kind = ""
            }
            return "\(seconds(value)) \(kind)"
        }
        let count = measurement.count ?? measurement.times.count
        if measurement.times.isEmpty { return count == 0 ? "none" : "\(count)" }
        return "\(count): " + measurement.times.map { seconds($0, unit: false) }.joined(separator: ", ") + " s"
    }

    static func difference(_ verdict: Verdict) -> String {
        if let count = verdict.countDifference, count != 0 {
            return (count > 0 ? "+\(count)" : "−\(-count)") + (abs(count) == 1 ? " event" : " events")
        }
        guard let difference = verdict.difference else { return "—" }
        return difference == .zero ? "0" : seconds(difference)
    }

    /// Interval notation with seconds rounded for reading: `[5, 6)`, `[8.5, 9.5)`.
    static func intervalText(_ bounds: IntervalBounds) -> String {
        let open = bounds.startClosed ? "[" : "("
        let close = bounds.end == nil ? ")" : (bounds.endClosed ? "]" : ")")
        return "\(open)\(seconds(bounds.start, unit: false)), \(bounds.end.map { seconds($0, unit: false) } ?? "∞")\(close)"
    }

    /// Seconds for reading: exact up to milliseconds, else rounded to them and marked "≈".
    package static func seconds(_ value: ExactSeconds, unit: Bool = true) -> String {
        let suffix = unit ? " s" : ""
        let ms = value.scaled(by: 1000, over: 1)
        if ms.denominator == 1 { return "\(value)\(suffix)" }
        let rounded = (ms.numerator * 2 + (ms.numerator < 0 ? -ms.denominator : ms.denominator)) / (2 * ms.denominator)
        return "≈\(ExactSeconds(milliseconds: rounded))\(suffix)"
    }

    /// Left-aligned columns, each cut to its limit with "…", two spaces apart.
    static func layout(_ table: [[String]], limits: [Int]) -> [String] {
        let cells = table.map { row in zip(row, limits).map { cut($0, to: $1) } }
        let widths = limits.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let last = column == row.count - 1
                line += last ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            return line
        }
    }

    package static func cut(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Words wrapped to the page width; continuation lines start with `indent`.
    package static func wrap(_ text: String, indent: String, first: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        for word in text.split(separator: " ") {
            let candidate = line.count == (lines.isEmpty ? first.count : indent.count) ? line + word : line + " " + word
            if candidate.count > width, line.count > (lines.isEmpty ? first.count : indent.count) {
                lines.append(line)
                line = indent + word
            } else {
                line = candidate
            }
        }
        lines.append(line)
        return lines
    }
}
