import Exports
import FootageModel
import Foundation
import Testing

@Suite("Export time formatting")
struct ExportTimeTests {
    @Test(arguments: [
        (MediaTime(pts: 115_712, timeBase: Rational(1, 12800)), "9.04"),
        (MediaTime(pts: 225, timeBase: Rational(1, 25)), "9"),
        (MediaTime(pts: 1001, timeBase: Rational(1, 30000)), "0.033367"),
        (MediaTime(pts: -512, timeBase: Rational(1, 1024)), "-0.5"),
        (MediaTime(pts: 0, timeBase: Rational(1, 90000)), "0"),
    ])
    func decimalSecondsAreExact(time: MediaTime, text: String) {
        #expect(ExportTime.decimalSeconds(time) == text)
    }

    @Test(arguments: [
        (Int64(9_040), "PT9.04S"),
        (65_500, "PT1M5.5S"),
        (3_602_000, "PT1H0M2S"),
        (0, "PT0S"),
    ])
    func isoDurations(millis: Int64, text: String) throws {
        #expect(try ExportTime.isoDuration(MediaTime(pts: millis, timeBase: Rational(1, 1000))) == text)
    }

    @Test func negativeDurationIsRefused() {
        #expect(throws: ExportError.self) { try ExportTime.isoDuration(MediaTime(pts: -1, timeBase: Rational(1, 25))) }
    }

    @Test func mediaFragmentAndInstants() {
        let start = MediaTime(pts: 5400, timeBase: Rational(1, 1000))
        let end = MediaTime(pts: 6, timeBase: Rational(1, 1))
        #expect(ExportTime.mediaFragment(start: start, end: end) == "#t=5.4,6")
        #expect(ExportTime.milliseconds(MediaTime(pts: 69_120, timeBase: Rational(1, 12800))) == 5400)
        #expect(ExportTime.dateTime(Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18T11:06:40Z")
    }

    @Test func jsonTextEscapesWhatWouldBreakIt() {
        let value = JSONValue.record(["a": .string("quote \" slash \\ line\nend \u{2028}"), "n": .integer(-3), "d": .decimal("0.5")])
        #expect(JSONWriter.render(value, pretty: false) == #"{"a":"quote \" slash \\ line\nend \u2028","n":-3,"d":0.5}"#)
        #expect(JSONValue.number("1.50") == .decimal("1.50"))
        #expect(JSONValue.number("01") == nil)
        #expect(JSONValue.number("1.") == nil)
        #expect(JSONValue.number("-2e10") == .decimal("-2e10"))
    }
}
