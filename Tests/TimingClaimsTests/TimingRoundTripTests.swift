import FootageModel
import PropertyBased
import Testing
@testable import TimingClaims

/// Property tests: the canonical wording of an interval parses back to the same interval.
@Suite struct TimingRoundTripTests {
    /// A precision of 10^-places seconds.
    private func precision(places: Int) -> ExactSeconds {
        var p = ExactSeconds(whole: 1)
        for _ in 0..<places { p = p.scaled(by: 1, over: 10) }
        return p
    }

    /// `units` counted in steps of 10^-places seconds.
    private func time(_ units: Int, places: Int) -> ExactSeconds {
        var denominator: Int64 = 1
        for _ in 0..<places { denominator *= 10 }
        return ExactSeconds(Int64(units), denominator) ?? .zero
    }

    private func expectRoundTrip(_ built: ClaimedInterval, as measure: IntervalMeasure = .duration) {
        var interval = built
        interval.written = TimingFormatter.format(built)
        #expect(interval.bounds.isWellFormed, "\(interval.written) gives \(interval.bounds.notation)")
        let parsed = TimingParser.parse(interval.written, bareQuantityAs: measure)
        #expect(parsed == interval, "\(interval.written)")
    }

    @Test func clockInstantsRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...36_000_000), Gen.int(in: 0...3)) { units, places in
            // Up to two hours, written to `places` decimals.
            var scale = 1
            for _ in 0..<places { scale *= 10 }
            let value = time(units % (7200 * scale) + 1, places: places)
            let interval = IntervalRules.clockTime(value, precision: precision(places: places), written: "")
            expectRoundTrip(interval, as: .instant)
        }
    }

    @Test func marksAndAfterRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...7200), Gen.int(in: 0...2)) { units, places in
            let value = time(units, places: places)
            expectRoundTrip(IntervalRules.mark(value, precision: precision(places: places), written: ""), as: .instant)
            expectRoundTrip(IntervalRules.after(value, precision: precision(places: places), written: ""), as: .instant)
        }
    }

    @Test func ordinalSecondsRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...1000)) { n in
            let interval = IntervalRules.ordinalSecond(n, written: "")
            expectRoundTrip(interval, as: .instant)
            #expect(interval.bounds.end == ExactSeconds(whole: Int64(n)))
        }
    }

    @Test func durationsRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...5000), Gen.int(in: 0...2)) { units, places in
            let value = time(units, places: places)
            expectRoundTrip(IntervalRules.duration(value, precision: precision(places: places), written: ""))
            expectRoundTrip(IntervalRules.approximate(value, precision: precision(places: places), hedge: "about",
                                                      measure: .duration, written: ""))
        }
    }

    @Test func minuteDurationsRoundTrip() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...90)) { minutes in
            let value = ExactSeconds(whole: Int64(minutes * 60))
            expectRoundTrip(IntervalRules.duration(value, precision: ExactSeconds(whole: 60), written: ""))
        }
    }

    @Test func firstSecondsAndBetweenRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...999), Gen.int(in: 1...600), Gen.int(in: 0...1)) { n, gap, places in
            expectRoundTrip(IntervalRules.firstSeconds(ExactSeconds(whole: Int64(n)), precision: ExactSeconds(whole: 1),
                                                       written: ""), as: .instant)
            let first = time(n, places: places)
            let second = time(n + gap, places: places)
            expectRoundTrip(IntervalRules.between(first, second, precision: precision(places: places), written: ""),
                            as: .instant)
            expectRoundTrip(IntervalRules.approximate(first, precision: precision(places: places), hedge: "around",
                                                      measure: .instant, written: ""), as: .instant)
        }
    }

    @Test func numberWordsRoundTripUpToOneThousand() {
        for n in 0...1000 {
            let cardinal = NumberWords.cardinal(n)
            #expect(NumberWords.parse(cardinal)?.value == n, "\(cardinal)")
            #expect(NumberWords.parse(cardinal)?.isOrdinal == false)
            if n > 0 {
                let ordinal = NumberWords.ordinal(n)
                #expect(NumberWords.parse(ordinal)?.value == n, "\(ordinal)")
                #expect(NumberWords.parse(ordinal)?.isOrdinal == true)
                let tokens = Tokenizer.tokens(in: NumberWords.digitOrdinal(n))
                #expect(tokens.map(\.kind) == [.digitOrdinal(n)])
            }
        }
    }

    @Test(arguments: [
        (21, "twenty-one", "twenty-first"), (42, "forty-two", "forty-second"), (100, "one hundred", "one hundredth"),
        (105, "one hundred and five", "one hundred and fifth"), (1000, "one thousand", "one thousandth"),
        (12, "twelve", "twelfth"), (90, "ninety", "ninetieth"),
    ])
    func numberWordsReadAsWritten(value: Int, cardinal: String, ordinal: String) {
        #expect(NumberWords.cardinal(value) == cardinal)
        #expect(NumberWords.ordinal(value) == ordinal)
    }

    @Test func readingsStopWhereTheNumberStops() {
        #expect(NumberWords.read(["five", "six"])?.value == 5)
        #expect(NumberWords.read(["sixth", "second"]) == NumberWords.Reading(value: 6, isOrdinal: true, wordCount: 1))
        #expect(NumberWords.read(["soldiers"]) == nil)
        #expect(NumberWords.parse("twenty twenty") == nil)
    }
}

/// Arbitrary prose built from timing-like pieces: nothing crashes, every proposed claim slices
/// back out of the text exactly, and every interval is well formed.
@Suite struct ArbitraryProseTests {
    static let pieces = ["a", "the", "at", "in", "sixth", "second", "seconds", "-", "9", "0:06", "1:05.250", "twenty",
                         "one", "clip", "video", "about", "nearly", "followed", "by", "two", "shots", "then", "third",
                         "between", "and", "after", "minutes", "days", "long", "lasting", ".", ",", "\n\n", "🎥", "é",
                         "mark", "first", "more", "another", "shot", "0:", "12.", "21st", "hundred", "into"]

    @Test func extractionNeverMisplacesAClaim() async {
        await propertyCheck(count: 400, input: Gen.element(of: Self.pieces).array(of: 0...30)) { words in
            let text = words.compactMap { $0 }.joined(separator: " ")
            let units = Array(text.utf16)
            for claim in ClaimExtractor.extract(from: text) {
                guard let source = claim.source else { continue }
                #expect(0 <= source.start && source.start < source.end && source.end <= units.count)
                #expect(String(decoding: units[source.start..<source.end], as: UTF16.self) == source.text)
                if let timing = claim.timing {
                    #expect(TimingParser.parse(timing, bareQuantityAs: claim.kind == .duration ? .duration : .instant)?
                        .bounds.isWellFormed == true, "\(timing)")
                }
            }
        }
    }
}
