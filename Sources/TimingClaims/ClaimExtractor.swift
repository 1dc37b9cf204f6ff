import FootageModel

/// Finds timing expressions in prose and proposes claims for a person to review.
///
/// A length counts as a clip's duration only when it is tied to a media noun ("a 9-second
/// clip") or stated of footage in the same sentence ("the video is 12 seconds long"); days,
/// weeks, months and years never are, and hours are never a clip's length. Order and count
/// phrases ("followed by two shots") are linked to the claim before them.
public enum ClaimExtractor {
    /// Proposed claims in text order, with ids `c1`, `c2`, … and their place in the text.
    public static func extract(from text: String, article: String? = nil) -> [ClaimRecord] {
        let tokens = Tokenizer.tokens(in: text)
        let source = SourceText(text)
        let reader = TokenReader(tokens: tokens)
        var records: [ClaimRecord] = []
        var lastEventClaim: (id: String, event: String?)?

        let sentences = SentenceSplitter.sentences(in: source, tokens: tokens)
        var paragraphWords: [Int: Set<String>] = [:]
        for sentence in sentences {
            paragraphWords[sentence.paragraph, default: []].formUnion(tokens[sentence.tokens].compactMap(\.word))
        }
        for (sentenceRange, paragraph) in sentences {
            let sentenceTokens = Array(tokens[sentenceRange])
            let sentence = source.slice(sentenceTokens[0].start, sentenceTokens[sentenceTokens.count - 1].end)
            let words = Set(sentenceTokens.compactMap(\.word))
            let context = paragraphWords[paragraph] ?? words
            // A length must be said of footage in its own sentence; a moment may lean on its paragraph.
            let mentionsMedia = !words.isDisjoint(with: TimingParser.mediaNouns)
            let contextMentionsFootage = !context.isDisjoint(with: TimingParser.mediaNouns)
                || context.contains { EventWords.nouns[$0] != nil }

            // Timing expressions and order phrases, left to right, without overlaps.
            var items: [(range: Range<Int>, timing: TimingMatch?, order: OrderPhrase?)] = []
            var i = sentenceRange.lowerBound
            while i < sentenceRange.upperBound {
                if let order = OrderPhrase.match(reader, at: i), order.tokenRange.upperBound <= sentenceRange.upperBound {
                    items.append((order.tokenRange, nil, order))
                    i = order.tokenRange.upperBound
                } else if let timing = TimingParser.longestMatch(in: reader, at: i, text: source),
                          timing.tokenRange.upperBound <= sentenceRange.upperBound {
                    items.append((timing.tokenRange, timing, nil))
                    i = timing.tokenRange.upperBound
                } else {
                    i += 1
                }
            }

            for (index, item) in items.enumerated() {
                let id = "c\(records.count + 1)"
                let start = tokens[item.range.lowerBound].start
                let end = tokens[item.range.upperBound - 1].end
                let written = source.slice(start, end)
                if let order = item.order {
                    guard let previous = lastEventClaim else { continue }
                    let event = order.event ?? previous.event
                    records.append(ClaimRecord(
                        id: id, article: article, kind: .order, quote: quote(sentence), event: event, count: order.count,
                        follows: previous.id,
                        source: ClaimSource(start: start, end: end, text: written, sentence: sentence, rule: order.pattern,
                                            readsAs: nil)))
                    lastEventClaim = (id, event)
                    continue
                }
                guard let timing = item.timing, acceptable(timing, mentionsMedia: mentionsMedia, contextMentionsFootage: contextMentionsFootage)
                else { continue }
                let source = ClaimSource(start: start, end: end, text: written, sentence: sentence,
                                         rule: timing.interval.rule.rawValue, readsAs: timing.interval.bounds.notation)
                if timing.interval.measure == .duration {
                    records.append(ClaimRecord(id: id, article: article, kind: .duration, quote: quote(sentence),
                                               timing: written, source: source))
                    continue
                }
                // The event this moment is about: the first event noun in the clause, before any order phrase.
                let clauseEnd = items.dropFirst(index + 1).first { $0.order != nil }?.range.lowerBound ?? sentenceRange.upperBound
                let eventAt = (sentenceRange.lowerBound..<clauseEnd).first { EventWords.label(reader.word($0)) != nil }
                if let eventAt {
                    let label = EventWords.label(reader.word(eventAt))
                    let plural = reader.word(eventAt)?.hasSuffix("s") ?? false
                    let count = EventWords.count(before: eventAt, in: reader, notBefore: sentenceRange.lowerBound)
                        ?? (plural ? nil : 1)
                    records.append(ClaimRecord(id: id, article: article, kind: .event,
                                               quote: quote(sentence), timing: written, event: label, count: count,
                                               source: source))
                    lastEventClaim = (id, label)
                } else {
                    records.append(ClaimRecord(id: id, article: article, kind: .visual, quote: quote(sentence),
                                               timing: written, source: source))
                }
            }
        }
        return records
    }

    /// Whether a timing expression can be about a clip.
    private static func acceptable(_ match: TimingMatch, mentionsMedia: Bool, contextMentionsFootage: Bool) -> Bool {
        if match.largestUnit >= .day { return false }
        switch match.form {
        case .attributiveDuration:
            return match.largestUnit < .hour
        case .predicateDuration:
            return match.largestUnit < .hour && mentionsMedia
        case .bareQuantity:
            return false
        case .instant:
            switch match.interval.rule {
            case .ordinalSecond, .firstNSeconds, .mark: return true
            default: return contextMentionsFootage
            }
        }
    }

    /// The sentence, cut to a short quote.
    private static func quote(_ sentence: String) -> String {
        let limit = 200
        guard sentence.count > limit else { return sentence }
        return String(sentence.prefix(limit - 1)) + "…"
    }
}
