import Foundation
import Testing
import TestSupport

/// The worked example (CASE.md) and each variant a good tool must tell apart, generated with
/// ffmpeg, registered in a real catalogue and checked with the built binary. The impulses a
/// fixture was made with are the ground truth.
@Suite struct CheckVariantTests {
    /// The stand-in: 9 s, shots at 5.40, 6.10 and 6.55 s. Every claim about it is borne out.
    @Test func standInBearsOutTheClaims() throws {
        let example = try CheckCase(clip: try Fixtures.standIn())
        let result = try example.check()
        #expect(result.status == 0)
        let length = try #require(result.verdicts["length"])
        #expect(length.text("outcome") == "consistent")
        #expect(length.text("measurement", "source") == "probe")
        #expect(length.text("measurement", "name") == "presented_frames_duration")
        #expect(length.text("measurement", "seconds") == "9")
        let first = try #require(result.verdicts["first-shot"])
        #expect(first.text("outcome") == "consistent")
        #expect(first.text("measurement", "source") == "detected")
        let times = try #require(first.value("measurement", "times") as? [String])
        #expect(times.count == 1)
        #expect(abs((Double(times.first ?? "") ?? 0) - 5.40) <= 0.02)
        // The frame on screen at the middle of the sixth second (5.5 s) is the one shown from 5.48 s.
        #expect(first.text("frame", "at") == "5.5")
        #expect(first.value("frame", "player_ms") as? Int == 5480)
        #expect(first.text("frame", "digest")?.count == 64)
        let two = try #require(result.verdicts["two-shots"])
        #expect(two.text("outcome") == "consistent")
        let after = (two.value("measurement", "times") as? [String] ?? []).compactMap(Double.init)
        #expect(after.count == 2)
        #expect(zip(after, [6.10, 6.55]).allSatisfy { abs($0 - $1) <= 0.02 })
        #expect(two.text("frame", "basis") == "first_counted_event")
        #expect(result.verdicts["scene"]?.text("outcome") == "unchecked")
        #expect(result.verdicts["scene"]?["frame"] == nil)
        let platoon = try #require(result.verdicts["platoon"])
        #expect(platoon.text("outcome") == "unchecked")
        #expect(platoon["clip"] == nil)
        #expect(result.verdicts["first-shot"]?.text("clip") == example.digest)
    }

    /// A 12-second clip: the duration claim is contradicted, and the command exits 1.
    @Test func twelveSecondClipContradictsTheDuration() throws {
        let example = try CheckCase(clip: try Fixtures.standIn(duration: 12, name: "standin-12s.mp4"))
        let result = try example.check()
        #expect(result.status == 1)
        let length = try #require(result.verdicts["length"])
        #expect(length.text("outcome") == "inconsistent")
        #expect(length.text("measurement", "seconds") == "12")
        #expect(length.text("difference") == "2.5")
        #expect(length.text("explanation")?.contains("first-to-last presented frame duration") == true)
        #expect(result.verdicts["first-shot"]?.text("outcome") == "consistent")
    }

    /// First impulse at 6.4 s: not in the sixth second read strictly, [5, 6); the output says
    /// that "at 0:06", [5.5, 6.5), would be borne out.
    @Test func lateFirstShotIsInconsistentStrictlyAndSaysHowTheOtherReadingComesOut() throws {
        let example = try CheckCase(clip: try Fixtures.standIn(impulses: [6.40, 7.10, 7.55], name: "standin-late.mp4"))
        let result = try example.check()
        #expect(result.status == 1)
        let first = try #require(result.verdicts["first-shot"])
        #expect(first.text("outcome") == "inconsistent")
        #expect(first.text("alternative_reading", "reading", "expression") == "at 0:06")
        #expect(first.text("alternative_reading", "outcome") == "consistent")
        #expect(first.text("explanation")?.contains("read as \"at 0:06\" the outcome would be consistent") == true)
        let text = try example.checkText()
        #expect(text.status == 1)
        #expect(text.stdout.contains("other reading, at 0:06 [5.5, 6.5): consistent"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    /// Only two impulses: after the first shot one more is heard, not two.
    @Test func twoImpulsesDoNotBearOutTheCount() throws {
        let example = try CheckCase(clip: try Fixtures.standIn(impulses: [5.40, 6.10], name: "standin-two.mp4"))
        let result = try example.check()
        #expect(result.verdicts["first-shot"]?.text("outcome") == "consistent")
        let two = try #require(result.verdicts["two-shots"])
        #expect(two.text("outcome") != "consistent")
        #expect(two.value("count_difference") as? Int == -1)
        #expect(two.value("measurement", "count") as? Int == 1)
    }

    /// No audio stream: the shots can be neither heard nor counted.
    @Test func silentClipIsInconclusive() throws {
        let example = try CheckCase(clip: try Fixtures.standIn(audio: false, name: "standin-silent.mp4"))
        let result = try example.check()
        #expect(result.status == 0)
        #expect(result.verdicts["length"]?.text("outcome") == "consistent")
        #expect(result.verdicts["first-shot"]?.text("outcome") == "inconclusive")
        #expect(result.verdicts["two-shots"]?.text("outcome") == "inconclusive")
        #expect(result.verdicts["first-shot"]?.text("explanation")?.contains("no audio stream") == true)
    }

    /// Cut together from two sources at 4.6 s: the cut is reported with the verdicts.
    @Test func splicedClipReportsTheCut() throws {
        let audio = Fixtures.impulseExpression(Fixtures.standInImpulses)
        let clip = try Fixtures.make("standin-spliced.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=4.6",
            "-f", "lavfi", "-i", "smptebars=s=320x240:r=25:d=4.4",
            "-f", "lavfi", "-i", "aevalsrc=exprs='\(audio)':s=48000:d=9",
            "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v]", "-map", "[v]", "-map", "2:a",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest",
        ])
        let example = try CheckCase(clip: clip)
        let result = try example.check()
        let first = try #require(result.verdicts["first-shot"])
        let cuts = (first.value("cuts") as? [String] ?? []).compactMap(Double.init)
        #expect(cuts.count == 1)
        #expect(abs((cuts.first ?? 0) - 4.6) <= 0.04)
        #expect(first.text("explanation")?.contains("scene cut") == true)
        let text = try example.checkText()
        #expect(text.stdout.contains("1 cut"))
    }

    /// A person's mark outranks the detector: with a shot marked at 5.8 s the late-impulse clip
    /// bears out "in the sixth second", from the mark.
    @Test func markOutranksDetection() throws {
        let example = try CheckCase(clip: try Fixtures.standIn(impulses: [6.40, 7.10, 7.55], name: "standin-late.mp4"),
                                    marks: [("5.8", "shot")])
        let result = try example.check("first-shot")
        #expect(result.status == 0)
        let first = try #require(result.verdicts["first-shot"])
        #expect(first.text("outcome") == "consistent")
        #expect(first.text("measurement", "source") == "marked")
        #expect(first.value("measurement", "times") as? [String] == ["5.8"])
        #expect(result.verdicts.count == 1)
    }

    /// A second check of a clip reuses the stored analysis and frames: new verdicts and
    /// `checked` events, no new analysis, no new derived file.
    @Test func secondCheckReusesAnalysisAndFrames() throws {
        let example = try CheckCase(clip: try Fixtures.standIn())
        _ = try example.check(example.digest)
        let before = try example.eventCounts()
        let again = try example.check(example.digest)
        let after = try example.eventCounts()
        #expect(again.status == 0)
        #expect(before["analysed"] == 1)
        #expect(after["analysed"] == 1)
        #expect(after["derived"] == before["derived"])
        #expect((after["checked"] ?? 0) == (before["checked"] ?? 0) + CheckCase.linked.count)
    }
}
