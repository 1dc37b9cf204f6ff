import FootageModel
import Testing
@testable import TimingClaims

@Suite struct OrderPhraseTests {
    private func phrase(_ text: String) -> OrderPhrase? {
        let tokens = Tokenizer.tokens(in: text)
        guard let match = OrderPhrase.match(TokenReader(tokens: tokens), at: 0),
              match.tokenRange.upperBound == tokens.count else { return nil }
        return match
    }

    @Test(arguments: [
        ("followed by two shots", 2, "shot", "followed_by"),
        ("followed by a single shot", 1, "shot", "followed_by"),
        ("followed by twenty-one explosions", 21, "explosion", "followed_by"),
        ("followed by three more", 3, nil, "n_more"),
        ("then a third", 1, nil, "then_ordinal"),
        ("then a third shot", 1, "shot", "then_ordinal"),
        ("then two blasts", 2, "blast", "then"),
        ("two more shots", 2, "shot", "n_more"),
        ("another shot", 1, "shot", "another"),
        ("another two bursts", 2, "burst", "another"),
    ] as [(String, Int, String?, String)])
    func readsCountsAndEvents(text: String, count: Int, event: String?, pattern: String) throws {
        let match = try #require(phrase(text))
        #expect(match.count == count)
        #expect(match.event == event)
        #expect(match.pattern == pattern)
    }

    @Test(arguments: ["followed by the commander", "then the soldiers left", "another video", "two more days"])
    func phrasesWithoutEventsOrCountsAreNotOrders(text: String) {
        #expect(phrase(text) == nil)
    }

    @Test func anOrderClaimKeepsToItsWindow() throws {
        let first = Claim(id: "a", quote: "a shot at 0:02", kind: .event,
                          interval: try reading("at 0:02"), event: "shot", count: 1)
        let then = Claim(id: "b", quote: "two more shots within a second", kind: .order, event: "shot", count: 2,
                         follows: "a", window: ExactSeconds(whole: 1))
        let times = ["2.1", "2.6", "3.05", "4.5"].compactMap { ExactSeconds(parsing: $0) }
        let clip = ClipMeasurements(durations: ProbeDurations(container: ExactSeconds(whole: 6)),
                                    detected: times.map { DetectedEvent(time: $0, strength: 20) }, hasAudio: true)
        let verdict = CheckEngine.check(then, among: [first, then], clip: clip)
        #expect(verdict.outcome == .consistent)
        #expect(verdict.measurement?.times == ["2.6", "3.05"].compactMap { ExactSeconds(parsing: $0) })
        #expect(verdict.explanation.contains("within 1 s"))
    }

    @Test func orderClaimsChainThroughEachOther() throws {
        let claims = [
            Claim(id: "a", quote: "", kind: .event, interval: try reading("in the sixth second"),
                  event: "shot", count: 1),
            Claim(id: "b", quote: "", kind: .order, event: "shot", count: 1, follows: "a"),
            Claim(id: "c", quote: "", kind: .order, event: "shot", count: 1, follows: "b", window: ExactSeconds(whole: 1)),
        ]
        let times = ["5.4", "6.1", "6.55"].compactMap { ExactSeconds(parsing: $0) }
        let clip = ClipMeasurements(durations: ProbeDurations(container: ExactSeconds(whole: 9)),
                                    detected: times.map { DetectedEvent(time: $0, strength: 20) }, hasAudio: true)
        let verdicts = CheckEngine.checkAll(claims, clip: clip)
        // "b" counts both later shots, so it is not borne out, and "c" cannot be placed.
        #expect(verdicts.map(\.outcome) == [.consistent, .inconsistent, .inconclusive])
    }
}
