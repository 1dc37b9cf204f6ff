/// Groups tokens into sentences: a sentence ends at ".", "!" or "?" followed by a capital,
/// a digit, a quote or the end, and at every blank line.
enum SentenceSplitter {
    /// Token ranges of the sentences, each with the number of the paragraph it belongs to.
    static func sentences(in text: SourceText, tokens: [Token]) -> [(tokens: Range<Int>, paragraph: Int)] {
        let utf16 = text.units
        var result: [(tokens: Range<Int>, paragraph: Int)] = []
        var start = 0
        var paragraph = 0
        var nextParagraph = 0
        for i in tokens.indices {
            let isLast = i == tokens.count - 1
            var ends = isLast
            if !isLast {
                let gap = utf16[tokens[i].end..<tokens[i + 1].start]
                let newlines = gap.filter { $0 == 10 }.count
                if newlines >= 2 {
                    ends = true
                    nextParagraph += 1
                }
                if case .symbol(let c) = tokens[i].kind, [".", "!", "?"].contains(c), !gap.isEmpty,
                   startsSentence(tokens[i + 1], text: text) {
                    ends = true
                }
            }
            if ends {
                result.append((start..<(i + 1), paragraph))
                start = i + 1
                paragraph = nextParagraph
            }
        }
        return result
    }

    private static func startsSentence(_ token: Token, text: SourceText) -> Bool {
        switch token.kind {
        case .number, .clock, .digitOrdinal: return true
        case .symbol(let c): return ["\"", "\u{201C}", "'", "\u{2018}", "(", "["].contains(c)
        case .word:
            let first = text.slice(token.start, token.start + 1)
            return first.uppercased() == first && first.lowercased() != first
        }
    }
}
