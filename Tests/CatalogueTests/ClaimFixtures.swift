@testable import Catalogue
import FootageModel
import Foundation
import GRDB
import TestSupport
import TimingClaims

/// Claims files and counts for the tests of articles, claims, links, marks and verdicts.
enum ClaimFixtures {
    /// The worked example's claims (CASE.md): a duration, an event in "the sixth second" (which
    /// has a second reading), an order, a visual claim, a claim with no footage and described footage.
    static let claimsYAML = WorkedExampleClaims.yaml

    static let articleURL = "https://news.example.org/2026/11/deserters-report/"

    static func claimsFile(_ text: String = claimsYAML, name: String = "claims.yaml") throws -> ClaimsFile {
        try ClaimsFileReader.read(text, fileName: name, format: ClaimsFileFormat(fileName: name) ?? .yaml)
    }

    /// A catalogue with the worked example's article and claims in it.
    static func withClaims() throws -> TestCatalogue {
        let test = try TestCatalogue()
        _ = try test.catalogue.addArticle(NewArticle(url: articleURL, handle: "deserters"))
        _ = try test.catalogue.importClaims(claimsFile(), sourceFile: "claims.yaml")
        return test
    }

    /// Registers a small generated clip and returns its row id and digest.
    static func registerClip(_ test: TestCatalogue, _ make: () throws -> URL = FixtureCatalogue.videoOnlyMP4) async throws
        -> (id: Int64, digest: SHA256Digest) {
        let results = await test.register([try make().path])
        guard let digest = results.first?.digest else { throw ClaimFixtureFailure.notRegistered }
        return (try test.catalogue.resolveClip(digest.hex), digest)
    }

    /// Row counts of every table an article, claim, link, mark or verdict writes, and the
    /// custody log: equal before and after a refused request shows it changed nothing.
    static func counts(_ catalogue: Catalogue) throws -> [String: Int] {
        try catalogue.read { db in
            var counts: [String: Int] = [:]
            for table in ["articles", "claims", "claim_links", "marks", "verdicts", "custody_events"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
            }
            counts["link_offsets"] = try Int.fetchOne(db, sql: "SELECT coalesce(sum(offset_num * 1000 / offset_den), 0) FROM claim_links")
            return counts
        }
    }

    /// The custody events not about a clip, in order.
    static func catalogueEvents(_ catalogue: Catalogue) throws -> [CustodyEvent] {
        try catalogue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM custody_events WHERE clip_id IS NULL ORDER BY id").map(Catalogue.event)
        }
    }
}

enum ClaimFixtureFailure: Error {
    case notRegistered
}
