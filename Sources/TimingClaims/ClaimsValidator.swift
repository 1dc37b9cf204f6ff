import FootageModel

/// Walks a document tree, collecting every problem instead of stopping at the first.
struct ClaimsValidator {
    let file: String
    var problems: [ClaimsFileProblem] = []

    init(file: String) { self.file = file }

    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
        problems.append(ClaimsFileProblem(file: file, line: line, column: column, problem: message))
    }

    /// The entries of an object, after refusing unknown and duplicate keys.
    private mutating func fields(of node: DocumentNode, allowed: Set<String>, what: String) -> [String: DocumentEntry]? {
        guard case .object(let entries) = node.value else {
            report(node.line, node.column, "\(what) must be an object, not \(node.typeName)")
            return nil
        }
        var result: [String: DocumentEntry] = [:]
        for entry in entries {
            if !allowed.contains(entry.key) {
                report(entry.line, entry.column, "unknown field \"\(entry.key)\"")
            } else if result[entry.key] != nil {
                report(entry.line, entry.column, "duplicate key \"\(entry.key)\"")
            } else {
                result[entry.key] = entry
            }
        }
        return result
    }

    private mutating func string(_ entry: DocumentEntry?) -> String? {
        guard let entry else { return nil }
        guard case .string(let text) = entry.value.value else {
            report(entry.value.line, entry.value.column, "\"\(entry.key)\" must be a string, not \(entry.value.typeName)")
            return nil
        }
        return text
    }

    private mutating func integer(_ entry: DocumentEntry?) -> Int? {
        guard let entry else { return nil }
        guard case .integer(let value) = entry.value.value else {
            report(entry.value.line, entry.value.column, "\"\(entry.key)\" must be an integer, not \(entry.value.typeName)")
            return nil
        }
        return value
    }

    /// A time written as seconds ("5", "5.5", 5.5) or a clock ("0:05.5"), as its text.
    private mutating func time(_ entry: DocumentEntry?) -> (text: String, value: ExactSeconds)? {
        guard let entry else { return nil }
        let text: String
        switch entry.value.value {
        case .string(let s): text = s
        case .integer(let i): text = String(i)
        case .decimal(let d): text = d
        default:
            report(entry.value.line, entry.value.column, "\"\(entry.key)\" must be a time, not \(entry.value.typeName)")
            return nil
        }
        guard let value = Self.readTime(text) else {
            report(entry.value.line, entry.value.column, "unreadable time \"\(text)\" in \"\(entry.key)\"; write seconds (5.5) or a clock time (0:05.5)")
            return nil
        }
        if value.isNegative {
            report(entry.value.line, entry.value.column, "negative time \"\(text)\" in \"\(entry.key)\"")
            return nil
        }
        return (text, value)
    }

    static func isValidId(_ id: String) -> Bool {
        func plain(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        guard let first = id.first, plain(first) else { return false }
        return id.allSatisfy { plain($0) || "._-".contains($0) }
    }

    static func readTime(_ text: String) -> ExactSeconds? {
        let trimmed = text.trimmingSpaces
        if let seconds = ExactSeconds(parsing: trimmed), trimmed.first != "+" { return seconds }
        let tokens = Tokenizer.tokens(in: trimmed)
        guard tokens.count == 1 else { return nil }
        return TokenReader(tokens: tokens).clock(at: 0)?.value
    }

    mutating func document(_ root: DocumentNode) -> ClaimsFile? {
        guard let top = fields(of: root, allowed: ClaimsFileReader.documentFields, what: "a claims file") else { return nil }
        let article = string(top["article"])
        guard let claimsEntry = top["claims"] else {
            report(root.line, root.column, "missing field \"claims\"")
            return nil
        }
        guard case .list(let items) = claimsEntry.value.value else {
            report(claimsEntry.value.line, claimsEntry.value.column, "\"claims\" must be a list, not \(claimsEntry.value.typeName)")
            return nil
        }
        var records: [(ClaimRecord, DocumentNode, [String: DocumentEntry])] = []
        var ids: [String: DocumentEntry] = [:]
        for item in items {
            guard let claim = claimRecord(item) else { continue }
            if let earlier = ids[claim.0.id], let entry = claim.1["id"] {
                report(entry.value.line, entry.value.column, "duplicate claim id \"\(claim.0.id)\" (first at line \(earlier.value.line))")
                continue
            }
            if let entry = claim.1["id"] { ids[claim.0.id] = entry }
            records.append((claim.0, item, claim.1))
        }
        var claims: [Claim] = []
        for (record, node, entries) in records {
            if let follows = record.follows, let entry = entries["follows"] {
                if follows == record.id {
                    report(entry.value.line, entry.value.column, "claim \"\(record.id)\" cannot follow itself")
                } else if ids[follows] == nil {
                    report(entry.value.line, entry.value.column, "\"follows\" names unknown claim \"\(follows)\"")
                }
            }
            if let claim = makeClaim(record, article: article, node: node, entries: entries) { claims.append(claim) }
        }
        return ClaimsFile(document: ClaimsDocument(article: article, claims: records.map(\.0)), claims: claims)
    }

    private mutating func claimRecord(_ node: DocumentNode) -> (ClaimRecord, [String: DocumentEntry])? {
        guard let f = fields(of: node, allowed: ClaimsFileReader.claimFields, what: "a claim") else { return nil }
        for required in ["id", "kind", "quote"] where f[required] == nil {
            report(node.line, node.column, "missing field \"\(required)\"")
        }
        let id = string(f["id"])
        if let id, let entry = f["id"], !Self.isValidId(id) {
            report(entry.value.line, entry.value.column, "claim id \"\(id)\" must start with a letter or digit and hold only ASCII letters, digits, \".\", \"_\" and \"-\"")
        }
        var kind: ClaimKind?
        if let text = string(f["kind"]), let entry = f["kind"] {
            kind = ClaimKind(rawValue: text)
            if kind == nil {
                let known = ClaimKind.allCases.map(\.rawValue).joined(separator: ", ")
                report(entry.value.line, entry.value.column, "unknown kind \"\(text)\"; known kinds: \(known)")
            }
        }
        let quote = string(f["quote"])
        var reading: ReadingChoice?
        if let text = string(f["reading"]), let entry = f["reading"] {
            reading = ReadingChoice(rawValue: text)
            if reading == nil { report(entry.value.line, entry.value.column, "unknown reading \"\(text)\"; use strict or alternative") }
        }
        let count = integer(f["count"])
        if let count, count < 1, let entry = f["count"] {
            report(entry.value.line, entry.value.column, "\"count\" must be at least 1")
        }
        let start = time(f["start"])
        let end = time(f["end"])
        let window = time(f["window"])
        let source = f["source"].flatMap { claimSource($0) }
        let record = ClaimRecord(id: id ?? "", article: string(f["article"]), kind: kind ?? .event, quote: quote ?? "",
                                 timing: string(f["timing"]), start: start?.text, end: end?.text, reading: reading,
                                 event: string(f["event"]), count: count, follows: string(f["follows"]),
                                 window: window?.text, assertedBy: string(f["asserted_by"]), source: source)
        guard id != nil, kind != nil, quote != nil else { return nil }
        return (record, f)
    }

    private mutating func claimSource(_ entry: DocumentEntry) -> ClaimSource? {
        guard let f = fields(of: entry.value, allowed: ClaimsFileReader.sourceFields, what: "\"source\"") else { return nil }
        let start = integer(f["start"])
        let end = integer(f["end"])
        if let unit = string(f["offset_unit"]), unit != "utf16", let e = f["offset_unit"] {
            report(e.value.line, e.value.column, "\"offset_unit\" must be \"utf16\"")
        }
        if let start, let end, !(0 <= start && start <= end), let e = f["start"] {
            report(e.value.line, e.value.column, "impossible source offsets: start \(start), end \(end)")
        }
        let text = string(f["text"])
        let sentence = string(f["sentence"])
        let rule = string(f["rule"])
        let readsAs = string(f["reads_as"])
        guard let start, let end, let text, let sentence, let rule else {
            report(entry.value.line, entry.value.column, "\"source\" needs start, end, text, sentence and rule")
            return nil
        }
        return ClaimSource(start: start, end: end, text: text, sentence: sentence, rule: rule, readsAs: readsAs)
    }

    private mutating func makeClaim(_ record: ClaimRecord, article: String?, node: DocumentNode,
                                    entries: [String: DocumentEntry]) -> Claim? {
        var interval: ClaimedInterval?
        let measure: IntervalMeasure = record.kind == .duration ? .duration : .instant
        if let timing = record.timing, let entry = entries["timing"] {
            interval = TimingParser.parse(timing, bareQuantityAs: measure)
            if interval == nil {
                report(entry.value.line, entry.value.column, "cannot read the timing \"\(timing)\"")
            } else if interval?.measure != measure, record.kind == .duration || interval?.measure == .duration {
                report(entry.value.line, entry.value.column,
                       "the timing \"\(timing)\" reads as \(interval?.measure.rawValue ?? "") but the claim's kind is \(record.kind.rawValue)")
            }
        }
        switch (entries["start"], entries["end"]) {
        case (nil, nil):
            break
        case (let s?, nil), (nil, let s?):
            report(s.line, s.column, "\"start\" and \"end\" must be given together")
        case (let s?, _?):
            if let startText = record.start, let endText = record.end,
               let start = Self.readTime(startText), let end = Self.readTime(endText) {
                if !(start < end) {
                    report(s.value.line, s.value.column, "impossible interval: start \(startText) is not before end \(endText)")
                } else {
                    interval = IntervalRules.stated(start: start, end: end, measure: measure,
                                                    written: record.timing ?? "\(startText) to \(endText)")
                }
            }
        }
        if record.reading == .alternative, let entry = entries["reading"] {
            if let current = interval, let other = current.alternative {
                var swapped = ClaimedInterval(measure: current.measure, written: current.written, rule: other.rule,
                                              bounds: other.bounds, nominal: current.nominal, precision: current.precision,
                                              alternative: IntervalReading(rule: current.rule, bounds: current.bounds,
                                                                           expression: TimingFormatter.format(current)))
                swapped.ambiguous = true
                interval = swapped
            } else {
                report(entry.value.line, entry.value.column, "\"reading: alternative\" needs an ambiguous timing such as \"in the sixth second\"")
            }
        }
        if record.kind == .order, entries["follows"] == nil {
            report(node.line, node.column, "an order claim needs \"follows\": the id of the claim whose event it comes after")
        }
        return Claim(id: record.id, articleId: record.article ?? article, quote: record.quote, kind: record.kind,
                     timing: record.timing, interval: interval, event: record.event, count: record.count,
                     follows: record.follows, window: record.window.flatMap(Self.readTime), assertedBy: record.assertedBy)
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
