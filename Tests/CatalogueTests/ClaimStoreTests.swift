@testable import Catalogue
import FootageModel
import Foundation
import GRDB
import Testing
import TimingClaims

@Suite struct ClaimStoreTests {
    @Test func importRecordsEveryClaimWithKindAndAmbiguity() throws {
        let test = try ClaimFixtures.withClaims()
        let claims = try test.catalogue.claims()
        #expect(claims.map(\.claim.id) == ["c1", "c2", "c3", "c4", "c5", "c6"])
        #expect(claims.map(\.claim.kind) == [.duration, .event, .order, .visual, .noFootage, .describedFootage])
        #expect(claims.allSatisfy { $0.article == "deserters" })
        // "in the sixth second" is [5, 6) and could also be read as "at 0:06".
        let c2 = try test.catalogue.claim(handle: "c2")
        #expect(c2.ambiguous)
        #expect(c2.claim.interval?.bounds.notation == "[5, 6)")
        #expect(try test.catalogue.claim(handle: "c1").ambiguous == false)
        let stored = try test.catalogue.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, ambiguous, json_extract(record_json, '$.record.timing') AS timing FROM claims ORDER BY id")
        }
        #expect(stored.map { $0["kind"] as String } == ["duration", "event", "order", "visual", "no_footage", "described_footage"])
        #expect(stored.map { $0["ambiguous"] as Int } == [0, 1, 0, 0, 0, 0])
        #expect(stored[1]["timing"] as String? == "in the sixth second")
        let events = try ClaimFixtures.catalogueEvents(test.catalogue)
        #expect(events.map(\.action) == [.articleAdded, .claimsImported])
    }

    @Test func aChosenReadingIsNotAmbiguous() throws {
        let test = try TestCatalogue()
        let file = try ClaimFixtures.claimsFile("""
            claims:
              - {id: s, kind: event, quote: "in the sixth second", timing: in the sixth second, reading: alternative}
            """)
        _ = try test.catalogue.importClaims(file, sourceFile: "chosen.yaml")
        let claim = try test.catalogue.claim(handle: "s")
        #expect(claim.ambiguous == false)
        #expect(claim.article == nil)
        #expect(claim.claim.interval?.bounds.notation == "[5.5, 6.5)")
    }

    @Test func reimportingTheSameClaimsChangesNothing() throws {
        let test = try ClaimFixtures.withClaims()
        let before = try ClaimFixtures.counts(test.catalogue)
        let summary = try test.catalogue.importClaims(ClaimFixtures.claimsFile(), sourceFile: "again.yaml")
        #expect(summary.added.isEmpty)
        #expect(summary.unchanged == ["c1", "c2", "c3", "c4", "c5", "c6"])
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
    }

    @Test func aChangedClaimUnderAnExistingIdRefusesTheWholeFile() throws {
        let test = try ClaimFixtures.withClaims()
        let before = try ClaimFixtures.counts(test.catalogue)
        let changed = ClaimFixtures.claimsYAML.replacingOccurrences(of: "a 9-second clip\n", with: "a 12-second clip\n")
            + "\n  - {id: c7, kind: visual, quote: new}\n"
        do {
            _ = try test.catalogue.importClaims(ClaimFixtures.claimsFile(changed), sourceFile: "changed.yaml")
            Issue.record("a changed claim was accepted")
        } catch let CatalogueError.rejected(rejection) {
            #expect(rejection == .claimDiffers(claim: "c1", file: "changed.yaml"))
            #expect(rejection.description.contains("new id"))
        }
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
        #expect(throws: CatalogueError.self) { try test.catalogue.claim(handle: "c7") }
    }

    @Test func aMissingArticleIsNamedWithTheCommandToRun() throws {
        let test = try TestCatalogue()
        let before = try ClaimFixtures.counts(test.catalogue)
        do {
            _ = try test.catalogue.importClaims(ClaimFixtures.claimsFile(), sourceFile: "claims.yaml")
            Issue.record("claims without their article were accepted")
        } catch let CatalogueError.rejected(rejection) {
            #expect(rejection == .claimArticleMissing(claim: "c1", article: "deserters", file: "claims.yaml"))
            #expect(rejection.description.contains("footage article add URL --id deserters"))
        }
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
    }

    @Test func claimsRefuseUpdateAndDelete() throws {
        let test = try ClaimFixtures.withClaims()
        #expect(throws: CatalogueError.self) {
            try test.catalogue.write { db in try db.execute(sql: "UPDATE claims SET kind = 'visual'") }
        }
        #expect(throws: CatalogueError.self) {
            try test.catalogue.write { db in try db.execute(sql: "DELETE FROM claims") }
        }
    }

    @Test func unknownClaimIsNamed() throws {
        let test = try ClaimFixtures.withClaims()
        do {
            _ = try test.catalogue.claim(handle: "c99")
            Issue.record("an unknown claim was found")
        } catch let CatalogueError.rejected(rejection) {
            #expect(rejection == .noSuchClaim(handle: "c99"))
            #expect(rejection.kind == .missing)
        }
    }
}
