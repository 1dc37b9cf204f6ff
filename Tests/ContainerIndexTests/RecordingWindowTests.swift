import FootageModel
import Foundation
import Testing

@Suite struct RecordingWindowTests {
    let nineSeconds = MediaTime(pts: 9 * 12800, timeBase: Rational(1, 12800))

    @Test func utcTimeGivesBothWindows() throws {
        let window = try #require(RecordingWindow(creationTime: "2024-11-20T14:03:07.000000Z", duration: nineSeconds))
        #expect(window.written == "2024-11-20T14:03:07.000000Z")
        #expect(window.hasZone)
        #expect(window.utcOffsetSeconds == 0)
        #expect(window.instant.iso8601 == "2024-11-20T14:03:07Z")
        #expect(window.instant.microsecondsSinceEpoch == 1_732_111_387_000_000)
        #expect(window.ifStart.start == window.instant)
        #expect(window.ifStart.end.iso8601 == "2024-11-20T14:03:16Z")
        #expect(window.ifEnd.start.iso8601 == "2024-11-20T14:02:58Z")
        #expect(window.ifEnd.end == window.instant)
        #expect(window.notes == [RecordingWindow.noteStartOrEnd])
        #expect(window.duration == nineSeconds)
    }

    @Test func missingZoneIsFlaggedAsPossiblyLocal() throws {
        let window = try #require(RecordingWindow(creationTime: "2024-11-20 14:03:07", duration: nineSeconds))
        #expect(!window.hasZone)
        #expect(window.utcOffsetSeconds == nil)
        #expect(window.instant.iso8601 == "2024-11-20T14:03:07")
        #expect(window.ifStart.end.iso8601 == "2024-11-20T14:03:16")
        #expect(window.notes.contains(RecordingWindow.noteNoZone))
    }

    @Test func offsetIsConvertedToUTC() throws {
        let colon = try #require(RecordingWindow(creationTime: "2024-11-20T16:03:07+02:00", duration: nineSeconds))
        let compact = try #require(RecordingWindow(creationTime: "2024-11-20T16:03:07+0200", duration: nineSeconds))
        #expect(colon.utcOffsetSeconds == 7200)
        #expect(colon.instant.iso8601 == "2024-11-20T14:03:07Z")
        #expect(compact.instant == colon.instant)
        let west = try #require(RecordingWindow(creationTime: "2024-11-20T09:03:07-05", duration: nineSeconds))
        #expect(west.instant == colon.instant)
    }

    @Test func keepsFractionalSecondsToTheMicrosecond() throws {
        let window = try #require(RecordingWindow(
            creationTime: "2024-02-29T23:59:59.7500001Z",
            duration: MediaTime(pts: 1001, timeBase: Rational(1, 1000))))
        #expect(window.instant.iso8601 == "2024-02-29T23:59:59.750000Z")
        #expect(window.ifStart.end.iso8601 == "2024-03-01T00:00:00.751000Z")
        #expect(window.ifEnd.start.iso8601 == "2024-02-29T23:59:58.749000Z")
    }

    @Test func crossesYearAndCenturyBoundaries() throws {
        let window = try #require(RecordingWindow(
            creationTime: "2000-01-01T00:00:03Z", duration: MediaTime(pts: 5, timeBase: Rational(1, 1))))
        #expect(window.ifEnd.start.iso8601 == "1999-12-31T23:59:58Z")
        let early = try #require(RecordingWindow(
            creationTime: "1904-01-01T00:00:00Z", duration: MediaTime(pts: 0, timeBase: Rational(1, 1))))
        #expect(early.instant.microsecondsSinceEpoch == -2_082_844_800_000_000)
        #expect(early.instant.iso8601 == "1904-01-01T00:00:00Z")
    }

    @Test(arguments: [
        "", "2024-11-20", "2024-11-20T1403", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
        "2024-11-20T24:00:00Z", "2024-11-20T14:03:07.Z", "2024-11-20T14:03:07+2", "2024-11-20T14:03:07+02:",
        "2024/11/20 14:03:07", "2024-11-20T14:03:07Zjunk",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(RecordingWindow(creationTime: text, duration: nineSeconds) == nil)
    }

    @Test func acceptsMinutePrecision() {
        #expect(RecordingWindow(creationTime: "2024-11-20T14:03Z", duration: nineSeconds)?.instant.iso8601
                == "2024-11-20T14:03:00Z")
    }

    @Test func encodesSnakeCaseKeys() throws {
        let window = try #require(RecordingWindow(creationTime: "2024-11-20T14:03:07Z", duration: nineSeconds))
        let data = try JSONEncoder().encode(window)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["written", "has_zone", "utc_offset_seconds", "instant", "duration_pts",
                                     "duration_time_base", "if_start", "if_end", "notes"])
        #expect(try JSONDecoder().decode(RecordingWindow.self, from: data) == window)
    }
}
