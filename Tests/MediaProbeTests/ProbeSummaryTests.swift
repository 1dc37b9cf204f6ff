import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// The readable summary says what a person checks first, in words.
@Suite struct ProbeSummaryTests {
    @Test func summaryOfTheRotatedMOV() throws {
        let path = try FixtureCatalogue.rotatedMOV().path
        let text = ProbeSummary.text(for: try Prober.probe(path: path))
        #expect(text.hasPrefix("\(path): QuickTime / MOV"))
        #expect(text.contains("container 2.000 s"))
        #expect(text.contains("stream 0: video h264 (High), 320x240, 25/1 fps"))
        #expect(text.contains("stream 1: audio aac (LC), 48000 Hz, mono"))
        #expect(text.contains("rotation: 90"))
        #expect(text.contains("creation_time: \(FixtureCatalogue.creationTime) (as written, with a zone; it may mark the start or the end of recording)"))
        #expect(text.contains("recorded 2024-03-01T10:00:00"))
        #expect(text.contains("if it marks the start"))
        #expect(text.contains("to 2024-03-01T10:00:00") && text.contains("if it marks the end"))
        #expect(text.contains("location: +48.4647+035.0462/ (latitude 48.4647, longitude 35.0462)"))
        #expect(!text.contains("warning"))
    }

    @Test func summaryWarnsOfVariableFrameRate() throws {
        let text = ProbeSummary.text(for: try Prober.probe(path: FixtureCatalogue.variableFrameRateMP4().path))
        #expect(text.contains("variable frame rate"))
        #expect(text.contains("warning: stream 0: variable frame rate, frame intervals from 0.040 s to 0.200 s"))
    }

    @Test func summaryGivesPlayerTimeZeroOfATransportStream() throws {
        let text = ProbeSummary.text(for: try Prober.probe(path: FixtureCatalogue.mpegTS().path))
        #expect(text.contains("player time 0: stream 1"))
        #expect(text.contains("container start 1.4"))
    }

    @Test func summarySaysWhenADelayedVideoIsFirstShown() throws {
        let text = ProbeSummary.text(for: try Prober.probe(path: FixtureCatalogue.editListMP4().path))
        #expect(text.contains("player time 0: stream 1 pts 0 (0.000 s)"))
        #expect(text.contains("1 keyframe, first shown at 0.500 s player time"))
    }
}
