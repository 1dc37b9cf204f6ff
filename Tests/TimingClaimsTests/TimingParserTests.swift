import FootageModel
import Testing
@testable import TimingClaims

private func s(_ text: String) -> ExactSeconds {
    guard let value = ExactSeconds(parsing: text) else {
        Issue.record("bad seconds literal \(text)")
        return .zero
    }
    return value
}

private func bounds(_ text: String, as measure: IntervalMeasure = .duration) -> (rule: IntervalRule, start: String, end: String)? {
    guard let interval = TimingParser.parse(text, bareQuantityAs: measure) else { return nil }
    return (interval.rule, interval.bounds.start.description, interval.bounds.end?.description ?? "∞")
}

@Suite struct TimingParserTests {
    @Test(arguments: [
        ("a 9-second clip", IntervalRule.durationHalfUnit, "8.5", "9.5"),
        ("nine-second video", .durationHalfUnit, "8.5", "9.5"),
        ("lasting 1 min 20 s", .durationHalfUnit, "79.5", "80.5"),
        ("12 seconds long", .durationHalfUnit, "11.5", "12.5"),
        ("a two-minute video", .durationHalfUnit, "90", "150"),
        ("a twenty-second clip", .durationHalfUnit, "19.5", "20.5"),
        ("about 9 seconds", .approximateWidened, "8", "10"),
        ("nearly 40 seconds long", .approximateWidened, "36", "44"),
        ("roughly 9.5 seconds", .approximateWidened, "8.5", "10.5"),
        ("some 30 seconds", .approximateWidened, "27", "33"),
        ("9.5 seconds long", .durationHalfUnit, "9.45", "9.55"),
    ])
    func durations(text: String, rule: IntervalRule, start: String, end: String) throws {
        let read = try #require(bounds(text))
        #expect(read.rule == rule)
        #expect(read.start == start)
        #expect(read.end == end)
    }

    @Test(arguments: [
        ("in the sixth second", IntervalRule.ordinalSecond, "5", "6"),
        ("at the sixth second", .ordinalSecond, "5", "6"),
        ("the 21st second", .ordinalSecond, "20", "21"),
        ("in the forty-second second", .ordinalSecond, "41", "42"),
        ("at 0:06", .clockTimeHalfPrecision, "5.5", "6.5"),
        ("at 0:06.5", .clockTimeHalfPrecision, "6.45", "6.55"),
        ("at 6 seconds", .clockTimeHalfPrecision, "5.5", "6.5"),
        ("six seconds in", .clockTimeHalfPrecision, "5.5", "6.5"),
        ("in the first three seconds", .firstNSeconds, "0", "3"),
        ("between 0:04 and 0:07", .between, "3.5", "7.5"),
        ("between 4 and 7 seconds", .between, "3.5", "7.5"),
        ("from 0:04 to 0:07", .between, "3.5", "7.5"),
        ("at the 1:05 mark", .mark, "64.5", "65.5"),
        ("at the 30-second mark", .mark, "29.5", "30.5"),
        ("after two minutes", .after, "120", "∞"),
        ("00:01:05.250", .clockTimeHalfPrecision, "65.2495", "65.2505"),
        ("at about 0:06", .approximateWidened, "5", "7"),
    ])
    func instants(text: String, rule: IntervalRule, start: String, end: String) throws {
        let read = try #require(bounds(text, as: .instant))
        #expect(read.rule == rule)
        #expect(read.start == start)
        #expect(read.end == end)
    }

    @Test func theSixthSecondIsAmbiguousWithTheClockReading() throws {
        let interval = try #require(TimingParser.parse("In the sixth second"))
        #expect(interval.ambiguous)
        #expect(interval.written == "In the sixth second")
        let alternative = try #require(interval.alternative)
        #expect(alternative.rule == .clockTimeHalfPrecision)
        #expect(alternative.expression == "at 0:06")
        #expect(alternative.bounds == IntervalBounds(start: s("5.5"), end: s("6.5")))
    }

    @Test func widenedDurationsSayHowMuchAndWhy() throws {
        let interval = try #require(TimingParser.parse("about 30 seconds long"))
        let widening = try #require(interval.widening)
        #expect(widening.hedge == "about")
        #expect(widening.amount == s("3"))
        #expect(widening.reason.contains("10 %"))
    }

    @Test func bareLengthsFollowTheGivenMeasure() throws {
        #expect(TimingParser.parse("6 seconds", bareQuantityAs: .instant)?.rule == .clockTimeHalfPrecision)
        #expect(TimingParser.parse("6 seconds")?.measure == .duration)
    }

    @Test(arguments: ["", "the soldiers", "nearly 40 soldiers", "at dawn", "0:75", "between 0:07 and 0:04"])
    func textWithoutATimingIsRejected(text: String) {
        #expect(TimingParser.parse(text) == nil)
    }
}

@Suite struct TimingParserPhrasingTests {
    @Test(arguments: [
        ("a 9 second clip", "[8.5, 9.5)"), ("a 12-second-long video", "[11.5, 12.5)"),
        ("lasts for about nine seconds", "[8, 10)"), ("a duration of 1 minute and 5 seconds", "[64.5, 65.5)"),
        ("running 45 seconds", "[44.5, 45.5)"), ("a minute-long video", "[30, 90)"),
        ("a one hundred-second film", "[99.5, 100.5)"), ("~9 seconds long", "[8, 10)"),
    ])
    func moreDurations(text: String, notation: String) throws {
        let interval = try #require(TimingParser.parse(text))
        #expect(interval.measure == .duration)
        #expect(interval.bounds.notation == notation)
    }

    @Test(arguments: [
        ("at 1:01:05", "[3664.5, 3665.5)"), ("two minutes into the video", "[90, 150)"),
        ("at 6.5 seconds", "[6.45, 6.55)"), ("in the first minute", "[0, 60)"),
        ("during the 100th second", "[99, 100)"), ("at the forty-second mark", "[39.5, 40.5)"),
        ("after 0:30", "[30, ∞)"), ("between 0:04.5 and 0:07", "[4.45, 7.05)"),
    ])
    func moreInstants(text: String, notation: String) throws {
        let interval = try #require(TimingParser.parse(text, bareQuantityAs: .instant))
        #expect(interval.measure == .instant)
        #expect(interval.bounds.notation == notation)
    }
}
