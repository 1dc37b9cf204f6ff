@testable import Catalogue
import FootageModel
import Foundation
import GRDB
import TestSupport
import Testing
import TimingClaims

@Suite struct UnresolvedTests {
    private func reasons(_ page: UnresolvedPage) -> [String] {
        page.items.map { "\($0.reason.rawValue) \($0.claim ?? "-")" }
    }

    @Test func aFileThatCannotBeProbedIsListedWithItsReason() async throws {
        let test = try TestCatalogue()
        let scratch = try ScratchFolder()
        let path = try scratch.write("notes.mp4", Data("not a video at all, just text\n".utf8))
        let results = await test.register([path])
        let digest = try #require(results.first?.digest)
        let page = try test.catalogue.unresolved(reason: .probeFailed)
        #expect(page.items.map(\.clip) == [digest])
        #expect(page.items.first?.detail.hasPrefix("the probe could not read it: ") == true)
        #expect(page.items.first?.next == "footage show \(digest.short)")
        // Not analysable, so it is not listed as waiting for analysis either.
        #expect(try test.catalogue.unresolved(reason: .notAnalyzed).items.isEmpty)
    }

    @Test func aStoredAnalysisClearsNotAnalyzed() async throws {
        let test = try ClaimFixtures.withClaims()
        let clip = try await ClaimFixtures.registerClip(test)
        _ = try test.catalogue.link(claim: "c2", clipID: clip.id, offset: .zero)
        #expect(reasons(try test.catalogue.unresolved(reason: .notAnalyzed)) == ["not_analyzed -"])
        try test.catalogue.write { db in
            try db.execute(sql: """
                INSERT INTO analyses (clip_id, analysed_at, tool_version, audio_event_count, cut_count, report_json)
                VALUES (?, '2026-11-26T00:00:00.000Z', 'test', NULL, 0, '{}')
                """, arguments: [clip.id])
        }
        #expect(try test.catalogue.unresolved(reason: .notAnalyzed).items.isEmpty)
    }

    @Test func variableFrameRateMattersOnlyForFineTimingOrNearAnEdge() async throws {
        let test = try TestCatalogue()
        // Frames 0-9 at 25 fps, then every fifth frame: the longest frame lasts 0.2 s.
        let clip = try await ClaimFixtures.registerClip(test, FixtureCatalogue.variableFrameRateMP4)
        let stored = try test.catalogue.read { db in
            try String.fetchOne(db, sql: "SELECT record_json FROM probes WHERE clip_id = ?", arguments: [clip.id])
        }
        #expect(VariableFrameRate.longestFrame(probeJSON: try #require(stored)) == ExactSeconds(1, 5))
        let file = try ClaimFixtures.claimsFile("""
            claims:
              - {id: fine, kind: event, quote: "at 0:01.5", timing: at 0:01.5, event: shot}
              - {id: coarse, kind: event, quote: "at 0:01", timing: at 0:01, event: shot}
              - {id: edge, kind: event, quote: "at 0:01", timing: at 0:01, event: shot}
            """)
        _ = try test.catalogue.importClaims(file, sourceFile: "vfr.yaml")
        for claim in ["fine", "coarse", "edge"] { _ = try test.catalogue.link(claim: claim, clipID: clip.id, offset: .zero) }
        // A measured event 0.1 s inside the edge of [0.5, 1.5): within one 0.2 s frame of it.
        let edge = try test.catalogue.claim(handle: "edge").claim
        let near = Verdict(claimId: "edge", outcome: .consistent, interval: edge.interval,
                           measurement: Measurement(name: .eventsInInterval, source: .detected, count: 1,
                                                    times: [try #require(ExactSeconds(parsing: "1.4"))]),
                           explanation: "one event at 1.4 s")
        try test.catalogue.storeVerdict(near, claim: "edge", clip: clip.id, analysisID: nil)
        let page = try test.catalogue.unresolved(reason: .vfrUncertain)
        #expect(page.items.map(\.claim) == ["fine", "edge"])
        #expect(page.items.first?.detail == "[1.45, 1.55) needs timing finer than the clip's longest frame (0.200 s)")
        #expect(page.items.last?.detail == "the measured 1.4 s lies within one frame (0.200 s) of an edge of [0.5, 1.5)")
        #expect(page.items.first?.next == "footage frames \(clip.digest.short) --at 1.45")
    }

    @Test func aConstantRateClipIsNeverVariableFrameRateUncertain() async throws {
        let test = try TestCatalogue()
        let clip = try await ClaimFixtures.registerClip(test)
        _ = try test.catalogue.importClaims(ClaimFixtures.claimsFile("""
            claims:
              - {id: fine, kind: event, quote: "at 0:01.5", timing: at 0:01.5, event: shot}
            """), sourceFile: "cfr.yaml")
        _ = try test.catalogue.link(claim: "fine", clipID: clip.id, offset: .zero)
        #expect(try test.catalogue.unresolved(reason: .vfrUncertain).items.isEmpty)
    }

    @Test func pagesStopAtTheLimitAndSayThereIsMore() throws {
        let test = try ClaimFixtures.withClaims()
        let all = try test.catalogue.unresolved()
        #expect(reasons(all) == ["ambiguous_time_expression c2", "no_clip_linked c1", "no_clip_linked c2", "no_clip_linked c3",
                                 "no_clip_linked c4", "no_clip_linked c5", "described_footage_not_registered c6"])
        #expect(!all.hasMore)
        let first = try test.catalogue.unresolved(limit: 3)
        #expect(reasons(first) == Array(reasons(all).prefix(3)))
        #expect(first.hasMore)
        let exact = try test.catalogue.unresolved(limit: 7)
        #expect(!exact.hasMore)
    }

    @Test func everyReasonQueryUsesAnIndex() throws {
        let test = try ClaimFixtures.withClaims()
        let plans = try test.catalogue.read { db in
            try UnresolvedSQL.planProbes().map { probe in
                (probe.name, try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + probe.sql, arguments: probe.arguments)
                    .map { $0["detail"] as String })
            }
        }
        for (name, plan) in plans {
            // A query starts from an index (or the verify run's short list of changed clips), or
            // walks a table in row order and stops as soon as the page is full.
            let first = try #require(plan.first, "\(name)")
            let indexed = first.hasPrefix("SEARCH") || first.contains("USING INDEX") || first.contains("VIRTUAL TABLE")
            #expect(indexed || first.hasPrefix("SCAN") && name.hasSuffix("in row order"), "\(name): \(plan)")
            #expect(!plan.contains { $0.contains("AUTOMATIC") }, "\(name): \(plan)")
        }
    }
}

@Suite struct StaleVerdictTests {
    @Test func relinkingAfterACheckMakesTheVerdictOutOfDate() async throws {
        let test = try ClaimFixtures.withClaims()
        let clip = try await ClaimFixtures.registerClip(test)
        _ = try test.catalogue.link(claim: "c1", clipID: clip.id, offset: .zero)
        let claim = try test.catalogue.claim(handle: "c1").claim
        try test.catalogue.storeVerdict(Verdict(claimId: "c1", outcome: .inconsistent, interval: claim.interval,
                                                explanation: "the clip is 2 s long"),
                                        claim: "c1", clip: clip.id, analysisID: nil)
        #expect(try test.catalogue.unresolved(reason: .inconsistent).items.map(\.claim) == ["c1"])
        #expect(try test.catalogue.unresolved(reason: .unchecked).items.isEmpty)
        // Times are kept to the millisecond: make sure the new link is later than the check.
        try await Task.sleep(for: .milliseconds(5))
        _ = try test.catalogue.link(claim: "c1", clipID: clip.id, offset: ExactSeconds(whole: 1))
        #expect(try test.catalogue.unresolved(reason: .inconsistent).items.isEmpty)
        let stale = try test.catalogue.unresolved(reason: .unchecked).items
        #expect(stale.map(\.claim) == ["c1"])
        #expect(stale.first?.detail == "linked again with a new offset after the latest check")
    }
}
