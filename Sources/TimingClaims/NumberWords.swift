/// English number words, cardinal and ordinal, in both directions ("twenty-one", "forty-second",
/// "one hundred and five", "one thousand").
public enum NumberWords {
    static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                        "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let unitOrdinals = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                               "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                               "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
    static let tensOrdinals = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                               "eightieth", "ninetieth"]

    /// The cardinal words for 0…999 999: `cardinal(121)` is "one hundred and twenty-one".
    public static func cardinal(_ value: Int) -> String {
        precondition((0..<1_000_000).contains(value), "number words cover 0…999 999")
        if value == 0 { return "zero" }
        var parts: [String] = []
        let thousands = value / 1000
        let rest = value % 1000
        if thousands > 0 { parts.append(belowThousand(thousands) + " thousand") }
        if rest > 0 {
            let joiner = (thousands > 0 && rest < 100) ? "and " : ""
            parts.append(joiner + belowThousand(rest))
        }
        return parts.joined(separator: " ")
    }

    /// The ordinal words: `ordinal(42)` is "forty-second".
    public static func ordinal(_ value: Int) -> String {
        let words = cardinal(value)
        let cut = words.lastIndex(where: { $0 == " " || $0 == "-" }).map { words.index(after: $0) } ?? words.startIndex
        let last = String(words[cut...])
        let head = String(words[..<cut])
        if let unit = units.firstIndex(of: last) { return head + unitOrdinals[unit] }
        if let ten = tens.firstIndex(of: last), ten >= 2 { return head + tensOrdinals[ten] }
        return head + last + "th"
    }

    /// "21st", "42nd", "13th".
    public static func digitOrdinal(_ value: Int) -> String {
        let suffix: String
        switch (value % 10, value % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)\(suffix)"
    }

    private static func belowThousand(_ value: Int) -> String {
        var parts: [String] = []
        if value >= 100 { parts.append(units[value / 100] + " hundred") }
        let rest = value % 100
        if rest > 0 {
            let words: String
            if rest < 20 { words = units[rest] } else {
                words = tens[rest / 10] + (rest % 10 == 0 ? "" : "-" + units[rest % 10])
            }
            parts.append(value >= 100 ? "and " + words : words)
        }
        return parts.joined(separator: " ")
    }

    /// A number read from words: its value, whether it was an ordinal, and how many words it took.
    struct Reading: Equatable {
        var value: Int
        var isOrdinal: Bool
        var wordCount: Int
    }

    private enum Last { case none, unit, teen, tens, hundred, thousand, and }

    /// Reads the longest number at the start of `words` (lowercased; hyphens already removed).
    /// An ordinal word ends the number. `nil` when the first word is not a number word.
    static func read(_ words: [String]) -> Reading? {
        var total = 0
        var current = 0
        var last = Last.none
        var consumed = 0
        var best: Reading?
        var index = 0
        while index < words.count {
            let word = words[index]
            var isOrdinal = false
            var step: Last
            var value = 0
            if let unit = units.firstIndex(of: word) ?? unitOrdinals.firstIndex(of: word).map({ u in isOrdinal = true; return u }) {
                value = unit
                step = unit < 10 ? .unit : .teen
                if unit == 0 && last != .none { break }
                switch last {
                case .none, .hundred, .thousand, .and: break
                case .tens: if !(1...9).contains(unit) { step = .none }
                case .unit, .teen: step = .none
                }
            } else if let ten = tens.firstIndex(of: word) ?? tensOrdinals.firstIndex(of: word).map({ t in isOrdinal = true; return t }), ten >= 2 {
                value = ten * 10
                step = [.none, .hundred, .thousand, .and].contains(last) ? .tens : .none
            } else if word == "hundred" || word == "hundredth" {
                isOrdinal = word == "hundredth"
                step = (last == .unit && current < 10) ? .hundred : .none
            } else if word == "thousand" || word == "thousandth" {
                isOrdinal = word == "thousandth"
                step = ([.unit, .teen, .tens, .hundred].contains(last) && total == 0) ? .thousand : .none
            } else if word == "and", last == .hundred || last == .thousand {
                step = .and
            } else {
                break
            }
            if step == .none { break }
            switch step {
            case .unit, .teen, .tens: current += value
            case .hundred: current *= 100
            case .thousand: total = current * 1000; current = 0
            case .and, .none: break
            }
            last = step
            index += 1
            if step != .and {
                consumed = index
                best = Reading(value: total + current, isOrdinal: isOrdinal, wordCount: consumed)
            }
            if isOrdinal { break }
        }
        return best
    }

    /// Parses a whole string of number words ("forty-second", "one hundred and one").
    public static func parse(_ text: String) -> (value: Int, isOrdinal: Bool)? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let reading = read(words), reading.wordCount == words.count else { return nil }
        return (reading.value, reading.isOrdinal)
    }
}
