import FootageModel
import Testing
@testable import TimingClaims

private func s(_ text: String) -> ExactSeconds { ExactSeconds(parsing: text) ?? .zero }

/// The CASE.md claims, read from their wording.
private func caseClaims() throws -> [Claim] {
    [
        Claim(id: "c1", quote: "a 9-second clip", kind: .duration, timing: "a 9-second clip",
              interval: try reading("a 9-second clip")),
        Claim(id: "c2", quote: "In the sixth second the soldier on the left fires a shot", kind: .event,
              timing: "in the sixth second", interval: try reading("in the sixth second"),
              event: "shot", count: 1),
        Claim(id: "c3", quote: "followed by two shots from the soldier on the right", kind: .order,
              event: "shot", count: 2, follows: "c2"),
    ]
}

/// Measurements as the probe and the analysis would report them for a stand-in clip.
private func clip(length: String = "9", impulses: [String] = ["5.4", "6.1", "6.55"], audio: Bool = true,
                  marks: [MarkedEvent] = []) -> ClipMeasurements {
    ClipMeasurements(
        durations: ProbeDurations(container: s(length) + s("0.021"), videoStream: s(length), presentedFrames: s(length)),
        detected: audio ? impulses.map { DetectedEvent(time: s($0), strength: 30) } : [],
        marked: marks, hasAudio: audio)
}

@Suite struct CheckEngineTests {
    @Test func theStandInBearsOutEveryTimingClaim() throws {
        let claims = try caseClaims()
        let verdicts = CheckEngine.checkAll(claims, clip: clip())
        #expect(verdicts.map(\.outcome) == [.consistent, .consistent, .consistent])

        let duration = verdicts[0]
        #expect(duration.measurement?.name == .presentedFramesDuration)
        #expect(duration.measurement?.seconds == s("9"))
        #expect(duration.otherMeasurements.map(\.name) == [.videoStreamDuration, .containerDuration])
        #expect(duration.tolerance == s("0.5"))
        #expect(duration.difference == .zero)

        let shot = verdicts[1]
        #expect(shot.measurement?.source == .detected)
        #expect(shot.measurement?.times == [s("5.4")])
        // 5.4 s is 0.4 s from the interval's start: the verdict says how "at 0:06" would read.
        let alternative = try #require(shot.alternativeReading)
        #expect(alternative.reading.expression == "at 0:06")
        #expect(shot.explanation.contains("the reading matters"))

        let after = verdicts[2]
        #expect(after.measurement?.name == .eventsAfter)
        #expect(after.measurement?.times == [s("6.1"), s("6.55")])
    }

    @Test func aLengthCloseToTheEdgeSaysSo() throws {
        let verdict = CheckEngine.check(try caseClaims()[0], among: [], clip: clip(length: "9.46"))
        #expect(verdict.outcome == .consistent)
        #expect(verdict.explanation.contains("0.04 s from its edge"))
    }

    @Test func aTwelveSecondClipContradictsTheNineSecondClaim() throws {
        let verdict = CheckEngine.check(try caseClaims()[0], among: [], clip: clip(length: "12"))
        #expect(verdict.outcome == .inconsistent)
        #expect(verdict.difference == s("2.5"))
        #expect(verdict.explanation.contains("outside the claimed [8.5, 9.5) s"))
    }

    @Test func aFirstShotAtSixPointFourIsInconsistentStrictlyButNotAtZeroSix() throws {
        let claims = try caseClaims()
        let verdict = CheckEngine.check(claims[1], among: claims, clip: clip(impulses: ["6.4", "7.1", "7.55"]))
        #expect(verdict.outcome == .inconsistent)
        #expect(verdict.difference == s("0.4"))
        let alternative = try #require(verdict.alternativeReading)
        #expect(alternative.outcome == .consistent)
        #expect(alternative.reading.bounds == IntervalBounds(start: s("5.5"), end: s("6.5")))
        #expect(verdict.explanation.contains("read as \"at 0:06\" the outcome would be consistent"))
    }

    @Test func onlyTwoImpulsesLeaveTheTwoLaterShotsUnsettled() throws {
        let claims = try caseClaims()
        let verdicts = CheckEngine.checkAll(claims, clip: clip(impulses: ["5.4", "6.1"]))
        #expect(verdicts[1].outcome == .consistent)
        // A detector can miss a shot; without a person's marks the footage does not settle it.
        #expect(verdicts[2].outcome == .inconclusive)
        #expect(verdicts[2].countDifference == -1)
        #expect(verdicts[2].explanation.contains("a person should mark"))
    }

    @Test func twoMarkedShotsAfterTheFirstContradictACountOfTwoWhenOnlyOneIsMarked() throws {
        let claims = try caseClaims()
        let marks = [MarkedEvent(time: s("5.4"), label: "shot, left soldier"), MarkedEvent(time: s("6.1"), label: "shot")]
        let verdict = CheckEngine.check(claims[2], among: claims, clip: clip(impulses: ["5.4", "6.1"], marks: marks))
        #expect(verdict.outcome == .inconsistent)
        #expect(verdict.measurement?.source == .marked)
        #expect(!verdict.explanation.contains("the detector found"))
    }

    @Test func marksThatDisagreeWithTheDetectorSaySo() throws {
        let claims = try caseClaims()
        // A person marked only the first shot; the detector heard all three.
        let marks = [MarkedEvent(time: s("5.4"), label: "shot")]
        let verdict = CheckEngine.check(claims[2], among: claims, clip: clip(marks: marks))
        #expect(verdict.outcome == .inconsistent)
        #expect(verdict.explanation.contains("the detector found 2 events there, but a person's marks take precedence"))
    }

    @Test func noAudioIsInconclusive() throws {
        let claims = try caseClaims()
        let verdicts = CheckEngine.checkAll(claims, clip: clip(audio: false))
        #expect(verdicts.map(\.outcome) == [.consistent, .inconclusive, .inconclusive])
        #expect(verdicts[1].explanation.contains("no audio stream"))
    }

    @Test func marksOutrankDetectedEvents() throws {
        let claims = try caseClaims()
        // The detector heard the first shot at 6.4 s; a person marked it at 5.8 s.
        let marks = [MarkedEvent(time: s("5.8"), label: "Shot"), MarkedEvent(time: s("6.3"), label: "shot"),
                     MarkedEvent(time: s("6.7"), label: "shot")]
        let verdicts = CheckEngine.checkAll(claims, clip: clip(impulses: ["6.4", "7.1", "7.55"], marks: marks))
        #expect(verdicts[1].outcome == .consistent)
        #expect(verdicts[1].measurement?.source == .marked)
        #expect(verdicts[1].measurement?.times == [s("5.8")])
        #expect(verdicts[2].outcome == .consistent)
        #expect(verdicts[2].measurement?.times == [s("6.3"), s("6.7")])
    }

    @Test func instantsBeyondTheClipAreInconsistent() throws {
        let claim = Claim(id: "late", quote: "at 0:12 a shot", kind: .event,
                          interval: try reading("at 0:12"), event: "shot")
        let verdict = CheckEngine.check(claim, among: [], clip: clip())
        #expect(verdict.outcome == .inconsistent)
        #expect(verdict.explanation.contains("after the end of the clip"))
    }

    @Test func theLinkOffsetMovesClaimedTimesIntoTheClip() throws {
        let claims = try caseClaims()
        var measurements = clip(length: "20", impulses: ["15.4", "16.1", "16.55"])
        measurements.linkOffset = s("10")
        let verdicts = CheckEngine.checkAll(claims, clip: measurements)
        // The clip is longer than the excerpt, so its length says nothing about the excerpt's.
        #expect(verdicts.map(\.outcome) == [.inconclusive, .consistent, .consistent])
    }

    @Test func moreEventsThanClaimedAreInconsistent() throws {
        let claims = try caseClaims()
        let verdict = CheckEngine.check(claims[1], among: claims, clip: clip(impulses: ["5.2", "5.7", "6.55"]))
        #expect(verdict.outcome == .inconsistent)
        #expect(verdict.countDifference == 1)
    }

    @Test func anApproximateDurationSaysItWasWidened() throws {
        let claim = Claim(id: "d", quote: "about 10 seconds long", kind: .duration,
                          interval: try reading("about 10 seconds long"))
        let verdict = CheckEngine.check(claim, among: [], clip: clip())
        #expect(verdict.outcome == .consistent)
        #expect(verdict.explanation.contains("widens"))
    }

    @Test(arguments: [ClaimKind.visual, .noFootage, .describedFootage])
    func claimsWithoutMeasurableTimingAreUnchecked(kind: ClaimKind) {
        let claim = Claim(id: "v", quote: "three soldiers beside a BMP", kind: kind)
        #expect(CheckEngine.check(claim, among: [], clip: clip()).outcome == .unchecked)
    }

    @Test func verdictsSpeakOfTheFootageOnly() throws {
        let claims = try caseClaims()
        let variants = [clip(), clip(length: "12"), clip(impulses: ["6.4", "7.1", "7.55"]), clip(impulses: ["5.4", "6.1"]),
                        clip(audio: false)]
        for measurements in variants {
            for verdict in CheckEngine.checkAll(claims, clip: measurements) {
                for word in ["fired", "happened", "true", "false", "proves", "lied"] {
                    #expect(!verdict.explanation.lowercased().contains(word), "\(verdict.explanation)")
                }
            }
        }
    }

    @Test func verdictsEncodeAsSnakeCaseJSONWithExactTimes() throws {
        let verdict = CheckEngine.check(try caseClaims()[1], among: [], clip: clip())
        let json = String(decoding: try JSONEncoderForTests.encode(verdict), as: UTF8.self)
        #expect(json.contains("\"claim_id\""))
        #expect(json.contains("\"alternative_reading\""))
        #expect(json.contains("\"start\":\"5\""))
        #expect(!json.contains("5.4000"))
    }
}

@Suite struct CountClaimTests {
    private func measurements(_ times: [String]) -> ClipMeasurements {
        ClipMeasurements(durations: ProbeDurations(videoStream: ExactSeconds(whole: 9)),
                         detected: times.compactMap { ExactSeconds(parsing: $0) }.map { DetectedEvent(time: $0, strength: 20) },
                         hasAudio: true)
    }

    @Test func aCountWithoutATimeCountsTheWholeClip() {
        let claim = Claim(id: "n", quote: "three shots can be heard", kind: .count, event: "shot", count: 3)
        #expect(CheckEngine.check(claim, among: [], clip: measurements(["1", "5.4", "8.9"])).outcome == .consistent)
        #expect(CheckEngine.check(claim, among: [], clip: measurements(["1", "5.4", "8.9", "8.95"])).outcome == .inconsistent)
    }

    @Test func aCountBetweenTwoTimesCountsOnlyThere() throws {
        let claim = Claim(id: "b", quote: "two shots between 0:04 and 0:07", kind: .count,
                          interval: try reading("between 0:04 and 0:07"), event: "shot", count: 2)
        let verdict = CheckEngine.check(claim, among: [], clip: measurements(["3.6", "7.4", "8.0"]))
        #expect(verdict.outcome == .consistent)
        #expect(verdict.measurement?.times.map(\.description) == ["3.6", "7.4"])
    }

    @Test func sceneCutsAreNotShots() {
        let claim = Claim(id: "n", quote: "a shot", kind: .count, event: "shot", count: 1)
        let clip = ClipMeasurements(durations: ProbeDurations(videoStream: ExactSeconds(whole: 9)),
                                    detected: [DetectedEvent(time: ExactSeconds(whole: 4), kind: .sceneCut, strength: 1)],
                                    hasAudio: true)
        #expect(CheckEngine.check(claim, among: [], clip: clip).outcome == .inconclusive)
    }
}
