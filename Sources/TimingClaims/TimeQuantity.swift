import FootageModel

/// A unit of time as written in prose.
enum TimeUnit: Int, Comparable {
    case second = 1
    case minute = 60
    case hour = 3600
    case day = 86_400
    case week = 604_800
    case month = 2_592_000
    case year = 31_536_000

    static func < (lhs: TimeUnit, rhs: TimeUnit) -> Bool { lhs.rawValue < rhs.rawValue }

    var seconds: ExactSeconds { ExactSeconds(whole: Int64(rawValue)) }

    static func named(_ word: String) -> TimeUnit? {
        switch word {
        case "second", "seconds", "sec", "secs", "s": .second
        case "minute", "minutes", "min", "mins": .minute
        case "hour", "hours", "hr", "hrs", "h": .hour
        case "day", "days": .day
        case "week", "weeks": .week
        case "month", "months": .month
        case "year", "years": .year
        default: nil
        }
    }
}

/// A number read from tokens: exact value, decimal places written, and whether it was an ordinal.
struct ReadNumber {
    var value: ExactSeconds
    var decimals: Int
    var isOrdinal: Bool
    var next: Int
}

/// A length of time read from tokens ("1 min 20 s", "nine-second", "two minutes").
struct TimeQuantity {
    var value: ExactSeconds
    /// The resolution of the smallest written part: its unit, divided by 10 per decimal place.
    var precision: ExactSeconds
    var largestUnit: TimeUnit
    var next: Int
}

/// A moment read from tokens: a clock time or a quantity.
struct TimeValue {
    var value: ExactSeconds
    var precision: ExactSeconds
    var largestUnit: TimeUnit
    var next: Int
}

/// Reading numbers, units, quantities and clock times from a token array.
struct TokenReader {
    let tokens: [Token]

    func word(_ i: Int) -> String? { i < tokens.count ? tokens[i].word : nil }

    func isWord(_ i: Int, _ options: Set<String>) -> Bool { word(i).map(options.contains) ?? false }

    func skipHyphen(_ i: Int) -> Int { i < tokens.count && tokens[i].isHyphen ? i + 1 : i }

    /// Digits, a decimal, a digit ordinal or number words (hyphens inside allowed).
    func number(at i: Int, allowArticle: Bool = false) -> ReadNumber? {
        guard i < tokens.count else { return nil }
        switch tokens[i].kind {
        case .number(let text):
            guard let value = ExactSeconds(parsing: text) else { return nil }
            let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            return ReadNumber(value: value, decimals: decimals, isOrdinal: false, next: i + 1)
        case .digitOrdinal(let value):
            return ReadNumber(value: ExactSeconds(whole: Int64(value)), decimals: 0, isOrdinal: true, next: i + 1)
        case .word(let first):
            if allowArticle, first == "a" || first == "an" {
                return ReadNumber(value: ExactSeconds(whole: 1), decimals: 0, isOrdinal: false, next: i + 1)
            }
            // Collect words joined by spaces or single hyphens, remembering where each ends.
            var words: [String] = []
            var ends: [Int] = []
            var j = i
            while let w = word(j) {
                words.append(w)
                ends.append(j + 1)
                let afterHyphen = skipHyphen(j + 1)
                if afterHyphen != j + 1, word(afterHyphen) != nil { j = afterHyphen } else { j += 1 }
                if words.count > 12 { break }
            }
            guard let reading = NumberWords.read(words) else { return nil }
            return ReadNumber(value: ExactSeconds(whole: Int64(reading.value)), decimals: 0,
                              isOrdinal: reading.isOrdinal, next: ends[reading.wordCount - 1])
        default:
            return nil
        }
    }

    /// One "number unit" part, e.g. "9-second", "1 min", "a minute".
    private func quantityPart(at i: Int, allowArticle: Bool) -> (value: ExactSeconds, precision: ExactSeconds, unit: TimeUnit, next: Int)? {
        guard var number = number(at: i, allowArticle: allowArticle) else { return nil }
        var unitIndex = skipHyphen(number.next)
        if number.isOrdinal {
            // "a twenty-second clip" is twenty seconds long, not the twenty-second of anything.
            guard word(number.next - 1) == "second", number.next - 1 > i,
                  number.value.numerator > 2 else { return nil }
            number.value = number.value - ExactSeconds(whole: 2)
            unitIndex = number.next - 1
        }
        guard let unitWord = word(unitIndex), let unit = TimeUnit.named(unitWord) else { return nil }
        var precision = unit.seconds
        for _ in 0..<number.decimals { precision = precision.scaled(by: 1, over: 10) }
        let value = number.value.scaled(by: Int64(unit.rawValue), over: 1)
        return (value, precision, unit, unitIndex + 1)
    }

    /// A length: one or more parts with falling units ("1 min 20 s", "two minutes and ten seconds").
    func quantity(at i: Int, allowArticle: Bool = false) -> TimeQuantity? {
        guard let first = quantityPart(at: i, allowArticle: allowArticle) else { return nil }
        var result = TimeQuantity(value: first.value, precision: first.precision, largestUnit: first.unit, next: first.next)
        var smallest = first.unit
        while true {
            var j = result.next
            if isWord(j, ["and"]) || (j < tokens.count && tokens[j].kind == .symbol(",")) { j += 1 }
            guard let part = quantityPart(at: j, allowArticle: false), part.unit < smallest else { break }
            result.value = result.value + part.value
            result.precision = part.precision
            result.next = part.next
            smallest = part.unit
        }
        return result
    }

    /// A clock time token ("0:06", "1:01:05.250").
    func clock(at i: Int) -> TimeValue? {
        guard i < tokens.count, case .clock(let text) = tokens[i].kind else { return nil }
        let (body, fraction) = text.firstIndex(of: ".").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) }
            ?? (text, "")
        let parts = body.split(separator: ":").compactMap { Int64($0) }
        guard parts.count >= 2, parts.dropFirst().allSatisfy({ $0 < 60 }) else { return nil }
        let whole = parts.reduce(Int64(0)) { $0 * 60 + $1 }
        guard let value = ExactSeconds(parsing: fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)") else { return nil }
        var precision = ExactSeconds(whole: 1)
        for _ in 0..<fraction.count { precision = precision.scaled(by: 1, over: 10) }
        return TimeValue(value: value, precision: precision, largestUnit: parts.count == 3 ? .hour : .minute, next: i + 1)
    }

    /// A moment: a clock time or a quantity ("0:06", "6 seconds", "1 min 5 s").
    func time(at i: Int) -> TimeValue? {
        if let clock = clock(at: i) { return clock }
        guard let q = quantity(at: i) else { return nil }
        return TimeValue(value: q.value, precision: q.precision, largestUnit: q.largestUnit, next: q.next)
    }

    /// "about", "nearly", "~" …: the hedge as written and the next index.
    func hedge(at i: Int) -> (word: String, next: Int)? {
        guard i < tokens.count else { return nil }
        if tokens[i].kind == .symbol("~") { return ("about", i + 1) }
        guard let w = word(i) else { return nil }
        if ["about", "around", "approximately", "roughly", "nearly", "some", "almost", "circa", "approx"].contains(w) {
            // "approx." keeps its full stop.
            let next = (w == "approx" && i + 1 < tokens.count && tokens[i + 1].kind == .symbol(".")) ? i + 2 : i + 1
            return (w, next)
        }
        if w == "close", isWord(i + 1, ["to"]) { return ("close to", i + 2) }
        return nil
    }
}
