/// One piece of prose as the timing parser sees it, with its exact place in the text.
struct Token: Equatable {
    enum Kind: Equatable {
        /// A word, lowercased, apostrophes kept ("soldier's").
        case word(String)
        /// Digits with an optional decimal part ("9", "0.5"); the text as written.
        case number(String)
        /// A clock time ("0:06", "1:05", "00:01:05.250").
        case clock(String)
        /// A digit ordinal ("21st"): its value.
        case digitOrdinal(Int)
        /// Any other character: punctuation, hyphens, dashes.
        case symbol(Character)
    }

    var kind: Kind
    /// Offsets in UTF-16 code units, end exclusive.
    var start: Int
    var end: Int

    var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    var isHyphen: Bool {
        if case .symbol(let c) = kind { return c == "-" || c == "\u{2010}" || c == "\u{2011}" }
        return false
    }
}

/// Splits text into tokens, recording UTF-16 offsets so that `text.utf16` slices back exactly.
enum Tokenizer {
    static func tokens(in source: String) -> [Token] {
        let scalars = Array(source.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var position = 0
        for scalar in scalars {
            offsets.append(position)
            position += scalar.utf16.count
        }
        offsets.append(position)

        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
        func at(_ i: Int) -> Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
        func text(_ from: Int, _ to: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[from..<to])
            return String(view)
        }

        var result: [Token] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace {
                i += 1
            } else if isLetter(s) {
                var j = i + 1
                while let n = at(j), isLetter(n) || (isApostrophe(n) && at(j + 1).map(isLetter) == true) { j += 1 }
                result.append(Token(kind: .word(text(i, j).lowercased()), start: offsets[i], end: offsets[j]))
                i = j
            } else if isDigit(s) {
                var j = i
                while let n = at(j), isDigit(n) { j += 1 }
                var isClock = false
                // Clock: digits then one or two ":dd" groups, then an optional decimal part.
                var groups = 0
                while at(j) == ":", let a = at(j + 1), let b = at(j + 2), isDigit(a), isDigit(b),
                      at(j + 3).map(isDigit) != true, groups < 2 {
                    j += 3
                    groups += 1
                    isClock = true
                }
                if at(j) == ".", let n = at(j + 1), isDigit(n) {
                    j += 1
                    while let n = at(j), isDigit(n) { j += 1 }
                }
                let written = text(i, j)
                // A digit ordinal: "21st", not followed by more letters.
                if !isClock, !written.contains("."), let a = at(j), let b = at(j + 1),
                   ["st", "nd", "rd", "th"].contains(String(a).lowercased() + String(b).lowercased()),
                   at(j + 2).map(isLetter) != true, let value = Int(written) {
                    result.append(Token(kind: .digitOrdinal(value), start: offsets[i], end: offsets[j + 2]))
                    i = j + 2
                    continue
                }
                result.append(Token(kind: isClock ? .clock(written) : .number(written), start: offsets[i], end: offsets[j]))
                i = j
            } else {
                result.append(Token(kind: .symbol(Character(s)), start: offsets[i], end: offsets[i + 1]))
                i += 1
            }
        }
        return result
    }
}
