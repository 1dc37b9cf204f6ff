import Foundation
import Testing
import TestSupport

/// Which clips and claims an export takes: `--clip`, `--article`, `--all`.
@Suite("Export scope")
struct ExportScopeTests {
    /// The stand-in case plus a second, unlinked clip (the 12-second variant of the stand-in).
    static func caseWithTwoClips() throws -> (setup: ExportCase, otherSHA: String) {
        let setup = try ExportCase.make()
        let other = try Fixtures.standIn(duration: 12).path
        let register = try setup.footage(["register", other, "--source", "https://example.org/post/longer", "--by", "archivist"])
        guard register.status == 0 else { throw CaseError.step("register", register.stderr) }
        return (setup, String(try ToolRun.run("sha256sum", [other]).stdout.prefix(64)))
    }

    static func clipsAndClaims(_ run: FootageRun) throws -> (clips: [String], claims: [String]) {
        let manifest = try #require(try run.json() as? [String: Any])
        let clips = (manifest["clips"] as? [[String: Any]] ?? []).compactMap { $0["sha256"] as? String }
        let claims = (manifest["claims"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        return (clips, claims)
    }

    @Test func clipArticleAndAllSelectWhatTheyName() throws {
        let (setup, otherSHA) = try Self.caseWithTwoClips()

        let everything = try Self.clipsAndClaims(try setup.footage(["export", "manifest"]))
        #expect(Set(everything.clips) == [setup.clipSHA, otherSHA])
        #expect(everything.claims == ["c1", "c2", "c3", "c4"])

        let other = try Self.clipsAndClaims(try setup.footage(["export", "manifest", "--clip", String(otherSHA.prefix(10))]))
        #expect(other.clips == [otherSHA])
        #expect(other.claims.isEmpty, "no claim is linked to the second clip")

        let byArticle = try Self.clipsAndClaims(try setup.footage(["export", "manifest", "--article", ExportCase.articleURL]))
        #expect(byArticle.clips == [setup.clipSHA])
        #expect(byArticle.claims == ["c1", "c2", "c3", "c4"])

        let bag = setup.scratch.path("other-bag")
        #expect(try setup.footage(["export", "bag", bag, "--clip", String(otherSHA.prefix(10))]).status == 0)
        let listing = try FileManager.default.contentsOfDirectory(atPath: bag + "/data/clips")
        #expect(listing.count == 1)
        #expect(try ToolRun.run("python3", ["-m", "bagit", "--validate", bag]).status == 0)
    }

    @Test func ambiguousOrUnknownClipIsRefused() throws {
        let (setup, _) = try Self.caseWithTwoClips()
        #expect(try setup.footage(["export", "manifest", "--clip", "zz"]).status == 64)
        #expect(try setup.footage(["export", "manifest", "--clip", "0000000000"]).status == 66)
    }
}
