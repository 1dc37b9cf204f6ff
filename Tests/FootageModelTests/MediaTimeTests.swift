import FootageModel
import Testing

@Test func rescalesBetweenTimeBasesWithRounding() {
    let t = MediaTime(pts: 76800, timeBase: Rational(1, 12800))
    #expect(t.rescaled(to: Rational(1, 1000)).pts == 6000)
    #expect(MediaTime(pts: 1, timeBase: Rational(1, 3)).rescaled(to: Rational(1, 1000)).pts == 333)
    #expect(MediaTime(pts: -1, timeBase: Rational(2, 3)).rescaled(to: Rational(1, 1000)).pts == -667)
}

@Test func comparesAcrossTimeBases() {
    let a = MediaTime(pts: 5, timeBase: Rational(1, 1))
    let b = MediaTime(pts: 5001, timeBase: Rational(1, 1000))
    #expect(a < b)
    #expect(!(b < a))
}

@Test func rationalRoundTripsThroughItsStringForm() throws {
    #expect(Rational(parsing: "1/12800") == Rational(1, 12800))
    #expect(Rational(parsing: "16:9") == Rational(16, 9))
    #expect(Rational(parsing: "abc") == nil)
}
