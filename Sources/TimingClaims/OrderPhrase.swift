import FootageModel

/// Event words the extractor recognises, and reading "a shot", "two shots", "then a third".
enum EventWords {
    static let nouns: [String: String] = [
        "shot": "shot", "shots": "shot", "gunshot": "shot", "gunshots": "shot",
        "explosion": "explosion", "explosions": "explosion", "blast": "blast", "blasts": "blast",
        "bang": "bang", "bangs": "bang", "burst": "burst", "bursts": "burst", "volley": "volley", "volleys": "volley",
        "detonation": "detonation", "detonations": "detonation",
    ]

    /// The event label for a noun ("shots" → "shot").
    static func label(_ word: String?) -> String? { word.flatMap { nouns[$0] } }

    /// A count written before an event noun at `noun`, skipping up to two describing words
    /// ("a shot", "two quick shots", "a single shot"); `nil` when none is written.
    static func count(before noun: Int, in r: TokenReader, notBefore floor: Int) -> Int? {
        var i = noun - 1
        var skipped = 0
        while i >= floor, skipped <= 2 {
            if r.isWord(i, ["single", "lone"]) { return 1 }
            if let n = r.number(at: i, allowArticle: true), !n.isOrdinal, n.next == noun || skipped > 0,
               n.value.denominator == 1 {
                return Int(n.value.numerator)
            }
            guard r.word(i) != nil, !r.isWord(i, ["the", "and", "of", "by", "from"]) else { return nil }
            i -= 1
            skipped += 1
        }
        return nil
    }
}

/// "followed by two shots", "then a third", "two more shots", "another shot".
struct OrderPhrase {
    var tokenRange: Range<Int>
    var count: Int
    var event: String?
    var pattern: String

    static func match(_ r: TokenReader, at i: Int) -> OrderPhrase? {
        if r.isWord(i, ["followed"]), r.isWord(i + 1, ["by"]) {
            return counted(r, from: i, at: i + 2, pattern: "followed_by")
        }
        if r.isWord(i, ["then"]) {
            var j = i + 1
            if r.isWord(j, ["a", "an"]), let n = r.number(at: j + 1), n.isOrdinal {
                j = n.next
                let label = EventWords.label(r.word(j))
                return OrderPhrase(tokenRange: i..<(label == nil ? j : j + 1), count: 1, event: label,
                                   pattern: "then_ordinal")
            }
            return counted(r, from: i, at: i + 1, pattern: "then")
        }
        if r.isWord(i, ["another"]) {
            if let n = r.number(at: i + 1), !n.isOrdinal, let label = EventWords.label(r.word(n.next)) {
                return OrderPhrase(tokenRange: i..<(n.next + 1), count: Int(n.value.numerator), event: label, pattern: "another")
            }
            let label = EventWords.label(r.word(i + 1))
            guard label != nil else { return nil }
            return OrderPhrase(tokenRange: i..<(i + 2), count: 1, event: label, pattern: "another")
        }
        if let n = r.number(at: i), !n.isOrdinal, n.value.denominator == 1, r.isWord(n.next, ["more"]) {
            let label = EventWords.label(r.word(n.next + 1))
            return OrderPhrase(tokenRange: i..<(label == nil ? n.next + 1 : n.next + 2), count: Int(n.value.numerator),
                               event: label, pattern: "n_more")
        }
        return nil
    }

    /// COUNT ["more"] [up to two words] EVENT, or COUNT "more" alone.
    private static func counted(_ r: TokenReader, from start: Int, at i: Int, pattern: String) -> OrderPhrase? {
        guard let n = r.number(at: i, allowArticle: true), !n.isOrdinal, n.value.denominator == 1 else { return nil }
        var j = n.next
        let more = r.isWord(j, ["more"])
        if more { j += 1 }
        for offset in 0...2 {
            if let label = EventWords.label(r.word(j + offset)) {
                return OrderPhrase(tokenRange: start..<(j + offset + 1), count: Int(n.value.numerator), event: label,
                                   pattern: more ? "n_more" : pattern)
            }
            if r.word(j + offset) == nil { break }
        }
        guard more else { return nil }
        return OrderPhrase(tokenRange: start..<j, count: Int(n.value.numerator), event: nil, pattern: "n_more")
    }
}
