@testable import Catalogue
import FootageModel
import Foundation
import GRDB
import TestSupport
import Testing
import TimingClaims

@Suite struct LinkMarkVerdictTests {
    @Test func linkingRecordsTheOffsetAndAnEventOnTheClip() async throws {
        let test = try ClaimFixtures.withClaims()
        let clip = try await ClaimFixtures.registerClip(test)
        let offset = try #require(ExactSeconds(parsing: "1/3"))
        let outcome = try test.catalogue.link(claim: "c2", clipID: clip.id, offset: offset)
        guard case let .linked(link) = outcome else { Issue.record("not linked: \(outcome)"); return }
        #expect(link.clip == clip.digest)
        let linked = try test.catalogue.linkedClaims(clipID: clip.id)
        #expect(linked.map(\.claim.claim.id) == ["c2"])
        #expect(linked.first?.link.offset == offset)
        let event = try #require(try test.catalogue.events(clipID: clip.id).last)
        #expect(event.action == .linked)
        #expect(event.details == #"{"claim":"c2","offset":"1/3"}"#)
    }

    @Test func relinkingWithANewOffsetRecordsBothOffsets() async throws {
        let test = try ClaimFixtures.withClaims()
        let clip = try await ClaimFixtures.registerClip(test)
        _ = try test.catalogue.link(claim: "c1", clipID: clip.id, offset: .zero)
        let before = try ClaimFixtures.counts(test.catalogue)
        let same = try test.catalogue.link(claim: "c1", clipID: clip.id, offset: .zero)
        guard case .unchanged = same else { Issue.record("expected unchanged, got \(same)"); return }
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
        let moved = try test.catalogue.link(claim: "c1", clipID: clip.id, offset: ExactSeconds(whole: 2))
        guard case let .relinked(_, previous) = moved else { Issue.record("expected relinked, got \(moved)"); return }
        #expect(previous == .zero)
        #expect(try test.catalogue.links(claim: "c1").map(\.offset) == [ExactSeconds(whole: 2)])
        let event = try #require(try test.catalogue.events(clipID: clip.id).last)
        #expect(event.details == #"{"claim":"c1","offset":"2","previous_offset":"0"}"#)
    }

    @Test func theCheckWorklistHasEveryLinkedClipOnceAndTheUnlinkedClaims() async throws {
        let test = try ClaimFixtures.withClaims()
        let first = try await ClaimFixtures.registerClip(test)
        let second = try await ClaimFixtures.registerClip(test, FixtureCatalogue.h264AACMP4)
        let all = try test.catalogue.claims().map(\.claim.id)
        #expect(all.count > 3)
        _ = try test.catalogue.link(claim: all[1], clipID: second.id, offset: .zero)
        _ = try test.catalogue.link(claim: all[1], clipID: first.id, offset: .zero)
        _ = try test.catalogue.link(claim: all[0], clipID: second.id, offset: .zero)
        let worklist = try test.catalogue.checkWorklist()
        #expect(worklist.clipIDs == [first.id, second.id].sorted())
        #expect(worklist.unlinked.map(\.claim.id) == Array(all.dropFirst(2)))
    }

    @Test func linkingAnUnknownClaimChangesNothing() async throws {
        let test = try ClaimFixtures.withClaims()
        let clip = try await ClaimFixtures.registerClip(test)
        let before = try ClaimFixtures.counts(test.catalogue)
        do {
            _ = try test.catalogue.link(claim: "nope", clipID: clip.id, offset: .zero)
            Issue.record("an unknown claim was linked")
        } catch let CatalogueError.rejected(rejection) {
            #expect(rejection == .noSuchClaim(handle: "nope"))
        }
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
    }

    @Test func marksAreKeptExactlyAndInTimeOrder() async throws {
        let test = try TestCatalogue()
        let clip = try await ClaimFixtures.registerClip(test)
        let late = try test.catalogue.addMark(clipID: clip.id, at: ExactSeconds(whole: 6), label: "shot", by: "ana", note: nil)
        let early = try test.catalogue.addMark(clipID: clip.id, at: try #require(ExactSeconds(parsing: "5.4")), label: "shot",
                                               by: "ana", note: "left soldier")
        let marks = try test.catalogue.marks(clipID: clip.id)
        #expect(marks.map(\.id) == [early.id, late.id])
        #expect(marks.first?.at == ExactSeconds(27, 5))
        #expect(marks.first?.note == "left soldier")
        let events = try test.catalogue.events(clipID: clip.id).filter { $0.action == .marked }
        #expect(events.count == 2)
        #expect(events.last?.details == #"{"at":"5.4","label":"shot","mark":\#(early.id),"marked_by":"ana","note":"left soldier"}"#)
    }

    @Test func verdictsAreStoredWithACheckedEventAndTheLatestWins() async throws {
        let test = try ClaimFixtures.withClaims()
        let clip = try await ClaimFixtures.registerClip(test)
        _ = try test.catalogue.link(claim: "c1", clipID: clip.id, offset: .zero)
        let claim = try test.catalogue.claim(handle: "c1").claim
        let first = Verdict(claimId: "c1", outcome: .inconclusive, interval: claim.interval, explanation: "first")
        let second = Verdict(claimId: "c1", outcome: .inconsistent, interval: claim.interval,
                             measurement: Measurement(name: .containerDuration, source: .probe, seconds: ExactSeconds(whole: 2)),
                             difference: ExactSeconds(parsing: "6.5"), explanation: "the clip is 2 s long")
        let firstID = try test.catalogue.storeVerdict(first, claim: "c1", clip: clip.id, analysisID: nil)
        let secondID = try test.catalogue.storeVerdict(second, claim: "c1", clip: clip.id, analysisID: nil)
        let unlinked = try test.catalogue.storeVerdict(Verdict(claimId: "c5", outcome: .unchecked, interval: nil,
                                                               explanation: "no clip is linked"),
                                                       claim: "c5", clip: nil, analysisID: nil)
        #expect(firstID < secondID && secondID < unlinked)
        let latest = try test.catalogue.latestVerdicts(clipID: clip.id)
        #expect(latest.map(\.id) == [secondID])
        #expect(latest.first?.verdict == second)
        #expect(latest.first?.clip == clip.digest)
        #expect(try test.catalogue.latestVerdict(claim: "c1", clipID: clip.id)?.id == secondID)
        #expect(try test.catalogue.latestVerdict(claim: "c5", clipID: nil)?.verdict.outcome == .unchecked)
        #expect(try test.catalogue.latestVerdicts(claim: "c1").map(\.id) == [secondID])
        let checked = try test.catalogue.events(clipID: clip.id).filter { $0.action == .checked }
        #expect(checked.map(\.details) == [
            #"{"claim":"c1","outcome":"inconclusive","verdict":\#(firstID)}"#,
            #"{"claim":"c1","outcome":"inconsistent","verdict":\#(secondID)}"#,
        ])
        #expect(try test.catalogue.brokenChainLinks().isEmpty)
    }

    @Test func aVerdictOnAnUnknownClaimChangesNothing() throws {
        let test = try ClaimFixtures.withClaims()
        let before = try ClaimFixtures.counts(test.catalogue)
        #expect(throws: CatalogueError.self) {
            try test.catalogue.storeVerdict(Verdict(claimId: "zz", outcome: .unchecked, interval: nil, explanation: "x"),
                                            claim: "zz", clip: nil, analysisID: nil)
        }
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
    }
}
