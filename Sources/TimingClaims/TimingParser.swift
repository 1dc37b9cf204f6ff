public import FootageModel

/// How a timing expression relates to footage, which decides whether it can be a clip claim.
enum TimingForm: Equatable {
    /// "a 9-second clip": a length tied to the noun it describes.
    case attributiveDuration(noun: String)
    /// "lasting 9 seconds", "12 seconds long": a length whose subject is elsewhere in the sentence.
    case predicateDuration
    /// "9 seconds" alone: a length with nothing saying what it measures.
    case bareQuantity
    /// A moment or interval in player time ("at 0:06", "in the sixth second").
    case instant
}

/// A timing expression found in a token array.
struct TimingMatch {
    var tokenRange: Range<Int>
    var interval: ClaimedInterval
    var form: TimingForm
    var largestUnit: TimeUnit
}

/// Reads English timing expressions ("a 9-second clip", "in the sixth second", "at 0:06",
/// "between 0:04 and 0:07", "about 12 seconds long") into exact claimed intervals.
public enum TimingParser {
    static let mediaNouns: Set<String> = ["clip", "clips", "video", "videos", "footage", "recording", "recordings",
                                          "film", "films", "excerpt", "segment", "sequence", "livestream", "reel"]

    /// Parses a whole timing expression. A bare length ("9 seconds") is read as `measure`.
    public static func parse(_ text: String, bareQuantityAs measure: IntervalMeasure = .duration) -> ClaimedInterval? {
        var tokens = Tokenizer.tokens(in: text)
        while let last = tokens.last, case .symbol(let c) = last.kind, [".", ",", ";", ":"].contains(c) { tokens.removeLast() }
        guard !tokens.isEmpty else { return nil }
        let source = SourceText(text)
        let written = source.slice(tokens[0].start, tokens[tokens.count - 1].end)
        let reader = TokenReader(tokens: tokens)
        for start in [0, 1] where start < tokens.count {
            if start == 1 && !reader.isWord(0, ["a", "an", "the"]) { continue }
            guard var match = longestMatch(in: reader, at: start, text: source), match.tokenRange.upperBound == tokens.count else { continue }
            if match.form == .bareQuantity && measure == .instant {
                match.interval = reinterpretAsInstant(match.interval)
            }
            match.interval.written = written
            return match.interval
        }
        return nil
    }

    private static func reinterpretAsInstant(_ interval: ClaimedInterval) -> ClaimedInterval {
        guard let nominal = interval.nominal else { return interval }
        if let widening = interval.widening {
            return IntervalRules.approximate(nominal, precision: interval.precision, hedge: widening.hedge,
                                             measure: .instant, written: interval.written)
        }
        return IntervalRules.clockTime(nominal, precision: interval.precision, written: interval.written)
    }

    static func longestMatch(in reader: TokenReader, at i: Int, text: SourceText) -> TimingMatch? {
        let candidates: [TimingMatch?] = [
            ordinalSecond(reader, i), firstSeconds(reader, i), atTime(reader, i), timeIn(reader, i),
            between(reader, i), after(reader, i), bareClock(reader, i),
            attributiveDuration(reader, i), predicateDuration(reader, i), bareQuantity(reader, i),
        ]
        guard var best = candidates.compactMap({ $0 }).max(by: { $0.tokenRange.count < $1.tokenRange.count }) else {
            return nil
        }
        let tokens = reader.tokens
        best.interval.written = text.slice(tokens[best.tokenRange.lowerBound].start, tokens[best.tokenRange.upperBound - 1].end)
        return best
    }

    private static let instantPrepositions: Set<String> = ["in", "at", "during", "within", "by", "from"]

    /// "in the sixth second", "at the 6th second", "the sixth second".
    private static func ordinalSecond(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        var j = i
        if r.isWord(j, instantPrepositions) { j += 1 }
        guard r.isWord(j, ["the"]), let n = r.number(at: j + 1), n.isOrdinal, n.value.numerator >= 1,
              r.isWord(n.next, ["second"]) else { return nil }
        let interval = IntervalRules.ordinalSecond(Int(n.value.numerator), written: "")
        return TimingMatch(tokenRange: i..<(n.next + 1), interval: interval, form: .instant, largestUnit: .second)
    }

    /// "in the first three seconds", "within the first 2 minutes".
    private static func firstSeconds(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        var j = i
        if r.isWord(j, instantPrepositions) { j += 1 }
        guard r.isWord(j, ["the"]), r.isWord(j + 1, ["first", "opening"]) else { return nil }
        // "the first minute" is one minute; "the first second" is the ordinal rule's.
        if let word = r.word(j + 2), let unit = TimeUnit.named(word), unit != .second, !word.hasSuffix("s") {
            let interval = IntervalRules.firstSeconds(unit.seconds, precision: unit.seconds, written: "")
            return TimingMatch(tokenRange: i..<(j + 3), interval: interval, form: .instant, largestUnit: unit)
        }
        guard let q = r.quantity(at: j + 2) else { return nil }
        let interval = IntervalRules.firstSeconds(q.value, precision: q.precision, written: "")
        return TimingMatch(tokenRange: i..<q.next, interval: interval, form: .instant, largestUnit: q.largestUnit)
    }

    /// "at 0:06", "at about 6 seconds", "at 6 seconds in", "at the 1:05 mark".
    private static func atTime(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        guard r.isWord(i, ["at"]) else { return nil }
        var j = i + 1
        let hedge = r.hedge(at: j)
        if let hedge { j = hedge.next }
        if r.isWord(j, ["the"]), let t = r.time(at: j + 1), r.isWord(r.skipHyphen(t.next), ["mark"]) {
            let end = r.skipHyphen(t.next) + 1
            let interval = hedge.map {
                IntervalRules.approximate(t.value, precision: t.precision, hedge: $0.word, measure: .instant, written: "")
            } ?? IntervalRules.mark(t.value, precision: t.precision, written: "")
            return TimingMatch(tokenRange: i..<end, interval: interval, form: .instant, largestUnit: t.largestUnit)
        }
        guard let t = r.time(at: j) else { return nil }
        var end = t.next
        if r.isWord(end, ["in"]), !followsWithTime(r, end + 1) { end += 1 }
        return instant(t, hedge: hedge?.word, range: i..<end)
    }

    /// "six seconds in", "two minutes into the video".
    private static func timeIn(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        var j = i
        let hedge = r.hedge(at: j)
        if let hedge { j = hedge.next }
        guard let q = r.quantity(at: j), r.isWord(q.next, ["in", "into"]),
              !r.isWord(q.next + 1, ["total", "all", "length", "duration", "a", "an"]),
              !followsWithTime(r, q.next + 1) else { return nil }
        let t = TimeValue(value: q.value, precision: q.precision, largestUnit: q.largestUnit, next: q.next)
        var end = q.next + 1
        // "into the video": the noun says what the time is counted in.
        if r.isWord(end, ["the", "this", "that"]), let noun = r.word(end + 1), mediaNouns.contains(noun) { end += 2 }
        return instant(t, hedge: hedge?.word, range: i..<end)
    }

    private static func followsWithTime(_ r: TokenReader, _ i: Int) -> Bool {
        r.time(at: i) != nil || r.number(at: i) != nil
    }

    private static func instant(_ t: TimeValue, hedge: String?, range: Range<Int>) -> TimingMatch {
        let interval = hedge.map {
            IntervalRules.approximate(t.value, precision: t.precision, hedge: $0, measure: .instant, written: "")
        } ?? IntervalRules.clockTime(t.value, precision: t.precision, written: "")
        return TimingMatch(tokenRange: range, interval: interval, form: .instant, largestUnit: t.largestUnit)
    }

    /// "between 0:04 and 0:07", "between 4 and 7 seconds", "from 0:04 to 0:07".
    private static func between(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        let joiners: Set<String>
        if r.isWord(i, ["between"]) { joiners = ["and"] } else if r.isWord(i, ["from"]) { joiners = ["to", "until", "till"] } else {
            return nil
        }
        // The first end may omit its unit ("between 4 and 7 seconds"): then it takes the second's.
        let first = r.time(at: i + 1)
        let bareFirst = first == nil ? r.number(at: i + 1) : nil
        guard first != nil || (bareFirst.map { !$0.isOrdinal } ?? false) else { return nil }
        let afterFirst = first?.next ?? bareFirst?.next ?? i + 1
        let joinerAt: Int
        if r.isWord(afterFirst, joiners) {
            joinerAt = afterFirst
        } else if afterFirst < r.tokens.count, case .symbol(let c) = r.tokens[afterFirst].kind, c == "-" || c == "\u{2013}",
                  joiners.contains("to") {
            joinerAt = afterFirst
        } else {
            return nil
        }
        guard let second = r.time(at: joinerAt + 1) else { return nil }
        var start: ExactSeconds
        var precision: ExactSeconds
        if let first {
            start = first.value
            precision = min(first.precision, second.precision)
        } else if let bareFirst, second.largestUnit == .second || second.largestUnit == .minute {
            let unit = r.tokens[second.next - 1].word.flatMap(TimeUnit.named) ?? .second
            start = bareFirst.value.scaled(by: Int64(unit.rawValue), over: 1)
            var own = unit.seconds
            for _ in 0..<bareFirst.decimals { own = own.scaled(by: 1, over: 10) }
            precision = min(own, second.precision)
        } else {
            return nil
        }
        guard start < second.value else { return nil }
        let interval = IntervalRules.between(start, second.value, precision: precision, written: "")
        return TimingMatch(tokenRange: i..<second.next, interval: interval, form: .instant,
                           largestUnit: max(first?.largestUnit ?? .second, second.largestUnit))
    }

    /// "after two minutes", "after 0:30".
    private static func after(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        guard r.isWord(i, ["after"]), let t = r.time(at: i + 1) else { return nil }
        let interval = IntervalRules.after(t.value, precision: t.precision, written: "")
        return TimingMatch(tokenRange: i..<t.next, interval: interval, form: .instant, largestUnit: t.largestUnit)
    }

    /// "00:01:05.250" on its own.
    private static func bareClock(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        guard let t = r.clock(at: i) else { return nil }
        return instant(t, hedge: nil, range: i..<t.next)
    }

    /// "a 9-second clip", "nine-second video", "an about 10-second-long recording".
    private static func attributiveDuration(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        var j = i
        if r.isWord(j, ["a", "an"]), r.quantity(at: j, allowArticle: true) == nil { j += 1 }
        let hedge = r.hedge(at: j)
        if let hedge { j = hedge.next }
        guard let q = r.quantity(at: j, allowArticle: true) else { return nil }
        // "a second video" is another video, not a one-second one.
        if r.isWord(j, ["a", "an"]), r.isWord(j + 1, ["second"]) { return nil }
        var end = r.skipHyphen(q.next)
        if r.isWord(end, ["long"]) { end = r.skipHyphen(end + 1) }
        guard let noun = r.word(end), mediaNouns.contains(noun) else { return nil }
        // "video clip": take the second noun too.
        if let next = r.word(end + 1), mediaNouns.contains(next) { end += 1 }
        return TimingMatch(tokenRange: i..<(end + 1), interval: duration(q, hedge: hedge?.word),
                           form: .attributiveDuration(noun: noun), largestUnit: q.largestUnit)
    }

    /// "lasting 1 min 20 s", "12 seconds long", "runs for about 9 seconds", "a duration of 9 seconds".
    private static func predicateDuration(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        var j = i
        var lead = false
        if r.isWord(j, ["lasting", "lasts", "last", "lasted", "runs", "running", "ran", "run"]) {
            j += 1
            if r.isWord(j, ["for", "just"]) { j += 1 }
            lead = true
        } else if r.isWord(j, ["duration", "length", "runtime"]) {
            j += 1
            if r.isWord(j, ["of", "is", "was"]) || (j < r.tokens.count && r.tokens[j].kind == .symbol(":")) { j += 1 }
            lead = true
        }
        let hedge = r.hedge(at: j)
        if let hedge { j = hedge.next }
        guard let q = r.quantity(at: j, allowArticle: lead) else { return nil }
        var end = q.next
        if r.isWord(end, ["long"]) {
            end += 1
        } else if !lead {
            return nil
        }
        return TimingMatch(tokenRange: i..<end, interval: duration(q, hedge: hedge?.word), form: .predicateDuration,
                           largestUnit: q.largestUnit)
    }

    /// "9 seconds", "about 9 seconds".
    private static func bareQuantity(_ r: TokenReader, _ i: Int) -> TimingMatch? {
        var j = i
        let hedge = r.hedge(at: j)
        if let hedge { j = hedge.next }
        guard let q = r.quantity(at: j) else { return nil }
        return TimingMatch(tokenRange: i..<q.next, interval: duration(q, hedge: hedge?.word), form: .bareQuantity,
                           largestUnit: q.largestUnit)
    }

    private static func duration(_ q: TimeQuantity, hedge: String?) -> ClaimedInterval {
        if let hedge {
            return IntervalRules.approximate(q.value, precision: q.precision, hedge: hedge, measure: .duration, written: "")
        }
        return IntervalRules.duration(q.value, precision: q.precision, written: "")
    }
}
