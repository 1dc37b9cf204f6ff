import FootageModel
import Testing

@Suite struct ExactSecondsTests {
    @Test(arguments: [("5", "5"), ("5.50", "5.5"), ("-0.25", "-0.25"), ("65.2495", "65.2495"), ("2/6", "1/3"), ("0.000", "0")])
    func parsesAndPrintsExactly(text: String, printed: String) throws {
        let value = try #require(ExactSeconds(parsing: text))
        #expect(value.description == printed)
        #expect(ExactSeconds(parsing: value.description) == value)
    }

    @Test(arguments: ["", "abc", "1.", ".5", "1e3", "+5", "1/0", "5000000", "0.1234567", "1:05"])
    func refusesWhatIsNotAnExactDecimal(text: String) {
        #expect(ExactSeconds(parsing: text) == nil)
    }

    @Test func arithmeticAndOrderStayExact() throws {
        let third = try #require(ExactSeconds(1, 3))
        #expect(third + third + third == ExactSeconds(whole: 1))
        #expect(ExactSeconds(milliseconds: 5999) < ExactSeconds(whole: 6))
        #expect(!(ExactSeconds(whole: 6) < ExactSeconds(milliseconds: 6000)))
        #expect((ExactSeconds(whole: 2) - ExactSeconds(whole: 5)).magnitude == ExactSeconds(whole: 3))
    }

    @Test func mediaTimesConvertWithoutRounding() {
        // 76 800 ticks of 1/12 800 s and 12 800 ticks of 1/90 000 s.
        #expect(ExactSeconds(MediaTime(pts: 76_800, timeBase: Rational(1, 12_800))) == ExactSeconds(whole: 6))
        #expect(ExactSeconds(MediaTime(pts: 12_800, timeBase: Rational(1, 90_000))) == ExactSeconds(128, 900))
        #expect(ExactSeconds(MediaTime(pts: 12_800, timeBase: Rational(1, 90_000)))?.description == "32/225")
    }

    @Test func halfOpenBoundsExcludeTheirEnd() throws {
        let bounds = IntervalBounds(start: ExactSeconds(whole: 5), end: ExactSeconds(whole: 6))
        #expect(bounds.contains(ExactSeconds(whole: 5)))
        #expect(!bounds.contains(ExactSeconds(whole: 6)))
        #expect(bounds.distance(to: ExactSeconds(milliseconds: 6400)) == ExactSeconds(milliseconds: 400))
        #expect(bounds.distance(to: ExactSeconds(milliseconds: 4500)) == ExactSeconds(milliseconds: 500))
        #expect(IntervalBounds(start: ExactSeconds(whole: 6), end: ExactSeconds(whole: 6)).isWellFormed == false)
        #expect(bounds.notation == "[5, 6)")
    }
}
