@testable import Catalogue
import FootageModel
import Foundation
import Testing
import TimingClaims

@Suite struct ArticleTests {
    @Test func textIsKeptInTheVaultByItsHash() throws {
        let test = try TestCatalogue()
        let text = Array("Demo text: a nine-second clip.\n".utf8)
        let added = try test.catalogue.addArticle(NewArticle(url: ClaimFixtures.articleURL, title: "Deserters", text: text))
        guard case let .added(article) = added else { Issue.record("not added: \(added)"); return }
        let path = test.catalogue.objectPath(for: try #require(article.textDigest))
        #expect(try sha256sum(path) == article.textDigest?.hex)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text))
        #expect(article.textSize == Int64(text.count))
        #expect(article.handle == "deserters-report")
        let events = try ClaimFixtures.catalogueEvents(test.catalogue)
        #expect(events.map(\.action) == [.articleAdded])
        #expect(events.first?.details.contains("\"handle\":\"deserters-report\"") == true)
    }

    @Test func verifyCountsTheTextAsReferenced() async throws {
        let test = try TestCatalogue()
        _ = try test.catalogue.addArticle(NewArticle(url: ClaimFixtures.articleURL, text: Array("text".utf8)))
        let report = try await test.catalogue.verify(repair: true)
        #expect(report.findings.isEmpty)
        #expect(report.checkedFiles == 1)
    }

    @Test func sameURLWithSameDetailsChangesNothing() throws {
        let test = try TestCatalogue()
        _ = try test.catalogue.addArticle(NewArticle(url: ClaimFixtures.articleURL, title: "Deserters"))
        let before = try ClaimFixtures.counts(test.catalogue)
        let again = try test.catalogue.addArticle(NewArticle(url: ClaimFixtures.articleURL, title: "Deserters"))
        guard case .unchanged = again else { Issue.record("expected unchanged, got \(again)"); return }
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
    }

    @Test func sameURLWithOtherDetailsIsRefused() throws {
        let test = try TestCatalogue()
        _ = try test.catalogue.addArticle(NewArticle(url: ClaimFixtures.articleURL, title: "Deserters"))
        let before = try ClaimFixtures.counts(test.catalogue)
        do {
            _ = try test.catalogue.addArticle(NewArticle(url: ClaimFixtures.articleURL, title: "Other"))
            Issue.record("a changed title was accepted")
        } catch let CatalogueError.rejected(rejection) {
            #expect(rejection == .articleDiffers(url: ClaimFixtures.articleURL, handle: "deserters-report", fields: ["title"]))
            #expect(rejection.kind == .conflicting)
        }
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
    }

    @Test func aRefusedTextLeavesNothingInTheVault() async throws {
        let test = try TestCatalogue()
        _ = try test.catalogue.addArticle(NewArticle(url: ClaimFixtures.articleURL, text: Array("first".utf8)))
        #expect(throws: CatalogueError.self) {
            try test.catalogue.addArticle(NewArticle(url: ClaimFixtures.articleURL, text: Array("second".utf8)))
        }
        let report = try await test.catalogue.verify(repair: false)
        #expect(report.findings.isEmpty, "\(report.findings)")
    }

    @Test func handlesAreUnique() throws {
        let test = try TestCatalogue()
        let first = try test.catalogue.addArticle(NewArticle(url: "https://a.example/x/report"))
        let second = try test.catalogue.addArticle(NewArticle(url: "https://b.example/y/report.html"))
        #expect(first.article.handle == "report")
        #expect(second.article.handle == "report-2")
        let before = try ClaimFixtures.counts(test.catalogue)
        #expect(throws: CatalogueError.self) {
            try test.catalogue.addArticle(NewArticle(url: "https://c.example/z", handle: "report"))
        }
        #expect(try ClaimFixtures.counts(test.catalogue) == before)
    }

    @Test(arguments: [
        ("https://kyivindependent.example/news/army-deserters-2026/", "army-deserters-2026"),
        ("https://example.org/", "example-org"),
        ("https://example.org/story.php?id=7#top", "story"),
        ("http://x.example/A%20B/index.html", "a-20b"),
    ])
    func slugsAreShortAndReadable(url: String, slug: String) {
        #expect(ArticleHandle.slug(fromURL: url) == slug)
        #expect(ArticleHandle.isValid(slug))
    }
}
