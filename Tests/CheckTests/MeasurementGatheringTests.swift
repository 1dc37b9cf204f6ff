import CheckCore
import FootageModel
import Foundation
import MediaAnalysis
import MediaProbe
import Testing
import TestSupport
import TimingClaims

/// The check at library level: each CASE.md variant generated with ffmpeg, probed and analysed
/// for real, its measurements gathered as the catalogue-backed check gathers them, and checked.
@Suite struct MeasurementGatheringTests {
    /// The claims of the worked example about the 9-second clip.
    static let claims: [Claim] = {
        let yaml = """
            claims:
              - {id: length, kind: duration, quote: "a 9-second clip", timing: a 9-second clip}
              - {id: first, kind: event, quote: "in the sixth second a shot", timing: in the sixth second, event: shot, count: 1}
              - {id: two, kind: order, quote: "followed by two shots", event: shot, count: 2, follows: first}
            """
        return (try? ClaimsFileReader.read(yaml, fileName: "case.yaml", format: .yaml).claims) ?? []
    }()

    static func verdicts(_ clip: URL, marks: [MarkedEvent] = []) throws -> [String: Verdict] {
        let record = try Prober.probe(path: clip.path)
        let report = try ClipAnalyzer.analyze(path: clip.path)
        let measurements = MeasurementGathering.measurements(probe: record, analysis: report, marks: marks, offset: .zero)
        return Dictionary(uniqueKeysWithValues: CheckEngine.checkAll(claims, clip: measurements).map { ($0.claimId, $0) })
    }

    /// ffprobe's container duration, the independent oracle for the gathered one.
    static func ffprobeDuration(_ clip: URL) throws -> ExactSeconds? {
        let output = try Fixtures.run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", clip.path])
        return ExactSeconds(parsing: String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func durationsComeFromTheProbeRecordExactly() throws {
        let clip = try Fixtures.standIn(duration: 12, name: "standin-12s.mp4")
        let record = try Prober.probe(path: clip.path)
        let durations = MeasurementGathering.durations(from: record)
        #expect(durations.presentedFrames == ExactSeconds(whole: 12))
        #expect(durations.container == (try Self.ffprobeDuration(clip)))
        #expect(durations.videoStream != nil)
    }

    @Test func standInBearsOutEveryTimingClaim() throws {
        let verdicts = try Self.verdicts(try Fixtures.standIn())
        #expect(verdicts["length"]?.outcome == .consistent)
        #expect(verdicts["first"]?.outcome == .consistent)
        #expect(verdicts["two"]?.outcome == .consistent)
        #expect(verdicts["two"]?.measurement?.times.count == 2)
    }

    @Test func variantsAreToldApart() throws {
        let long = try Self.verdicts(try Fixtures.standIn(duration: 12, name: "standin-12s.mp4"))
        #expect(long["length"]?.outcome == .inconsistent)
        let late = try Self.verdicts(try Fixtures.standIn(impulses: [6.40, 7.10, 7.55], name: "standin-late.mp4"))
        #expect(late["first"]?.outcome == .inconsistent)
        #expect(late["first"]?.alternativeReading?.outcome == .consistent)
        let two = try Self.verdicts(try Fixtures.standIn(impulses: [5.40, 6.10], name: "standin-two.mp4"))
        #expect(two["two"]?.outcome != .consistent)
        #expect(two["two"]?.countDifference == -1)
        let silent = try Self.verdicts(try Fixtures.standIn(audio: false, name: "standin-silent.mp4"))
        #expect(silent["first"]?.outcome == .inconclusive)
        #expect(silent["length"]?.outcome == .consistent)
    }

    @Test func aMarkChangesTheVerdict() throws {
        let clip = try Fixtures.standIn(impulses: [6.40, 7.10, 7.55], name: "standin-late.mp4")
        let marked = try Self.verdicts(clip, marks: [MarkedEvent(time: ExactSeconds(58, 10) ?? .zero, label: "shot")])
        #expect(marked["first"]?.outcome == .consistent)
        #expect(marked["first"]?.measurement?.source == .marked)
    }

    @Test func claimedMomentIsTheMiddleOfTheIntervalMovedByTheOffset() throws {
        let first = try #require(Self.claims.first { $0.id == "first" })
        let verdict = Verdict(claimId: "first", outcome: .consistent, interval: first.interval,
                              offset: ExactSeconds(whole: 2), explanation: "")
        let moment = try #require(ClaimedMoment.moment(for: first, verdict: verdict, span: ExactSeconds(whole: 9)))
        #expect(moment.0 == ExactSeconds(75, 10))
        #expect(moment.1 == .claimedInterval)
        #expect(ClaimedMoment.moment(for: first, verdict: verdict, span: ExactSeconds(whole: 7)) == nil)
        let length = try #require(Self.claims.first { $0.id == "length" })
        #expect(ClaimedMoment.moment(for: length, verdict: verdict, span: nil) == nil)
        #expect(ClaimedMoment.milliseconds(ExactSeconds(1, 3) ?? .zero) == 333)
    }
}
