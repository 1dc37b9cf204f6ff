import Foundation
import TestSupport
import Testing

@Suite struct ArticleClaimsCommandTests {
    @Test func articleAddKeepsTheTextAndLogsAnEvent() throws {
        let cli = try CaseworkCLI()
        let textPath = try cli.write("article.txt", "Demo text written for the tests: a nine-second clip.\n")
        let added = try cli.succeed(["article", "add", CaseworkCLI.articleURL, "--title", "Deserters", "--publisher", "Example News",
                                     "--published", "2026-11-20", "--text", textPath, "--json"])
        let article = try #require(try added.json() as? [String: Any])
        let digest = String(decoding: try Fixtures.run("sha256sum", [textPath]).prefix(64), as: UTF8.self)
        #expect(article["handle"] as? String == "deserters-report")
        #expect(article["text_digest"] as? String == digest)
        #expect(FileManager.default.fileExists(atPath: "\(cli.root)/.footage/vault/objects/\(digest.prefix(2))/\(digest.dropFirst(2))"))
        #expect(try cli.query("SELECT action || ' ' || coalesce(clip_id, 'none') FROM custody_events") == "article-added none")
        #expect(added.stderr.contains("article: deserters-report"))
        let listed = try cli.succeed(["article"])
        #expect(listed.stdout.split(separator: "\n").last?.hasPrefix("deserters-report  \(CaseworkCLI.articleURL)  Deserters  \(digest.prefix(12))") == true)
        let json = try #require(try cli.succeed(["article", "list", "--json"]).json() as? [[String: Any]])
        #expect(json.map { $0["handle"] as? String } == ["deserters-report"])
    }

    @Test func sameURLAgainIsANoOpOrExit65() throws {
        let cli = try CaseworkCLI()
        try cli.succeed(["article", "add", CaseworkCLI.articleURL, "--title", "Deserters"])
        let before = try cli.snapshot()
        let same = try cli.run(["article", "add", CaseworkCLI.articleURL, "--title", "Deserters"])
        #expect(same.status == 0)
        #expect(same.stderr.contains("nothing changed"))
        let other = try cli.run(["article", "add", CaseworkCLI.articleURL, "--title", "Something else"])
        #expect(other.status == 65)
        #expect(other.stderr.contains("footage: the article \(CaseworkCLI.articleURL) is already recorded as deserters-report with a different title"))
        #expect(try cli.snapshot() == before)
    }

    @Test func missingTextFileExits66AndRecordsNothing() throws {
        let cli = try CaseworkCLI()
        let before = try cli.snapshot()
        let run = try cli.run(["article", "add", CaseworkCLI.articleURL, "--text", cli.folder.path("absent.txt")])
        #expect(run.status == 66)
        #expect(run.stderr.contains("absent.txt: no such file"))
        #expect(try cli.snapshot() == before)
    }

    @Test func badHandleAndDateExit64() throws {
        let cli = try CaseworkCLI()
        let handle = try cli.run(["article", "add", CaseworkCLI.articleURL, "--id", "-x y"])
        #expect(handle.status == 64)
        let date = try cli.run(["article", "add", CaseworkCLI.articleURL, "--published", "last week"])
        #expect(date.status == 64)
        #expect(date.stderr.contains("is not an ISO 8601 date-time"))
        #expect(try cli.query("SELECT count(*) FROM articles") == "0")
    }

    @Test func importThenListShowsEveryClaim() throws {
        let cli = try CaseworkCLI.withClaims()
        let listed = try cli.succeed(["claims"])
        let lines = listed.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines[2].hasPrefix("c2"))
        #expect(lines[2].contains("in the sixth second"))
        #expect(lines[2].contains("[5, 6)*"))
        #expect(lines[2].contains("(not linked)"))
        let json = try #require(try cli.succeed(["claims", "--json"]).json() as? [[String: Any]])
        #expect(json.map { $0["id"] as? String } == ["c1", "c2", "c3", "c4", "c5", "c6"])
        #expect(json[1]["ambiguous"] as? Bool == true)
        #expect(json.allSatisfy { $0["article"] as? String == "deserters" })
        #expect(try cli.query("SELECT count(*) FROM custody_events WHERE action = 'claims-imported'") == "1")
    }

    @Test func reimportIsANoOp() throws {
        let cli = try CaseworkCLI.withClaims()
        let before = try cli.snapshot()
        let again = try cli.succeed(["claims", "import", cli.folder.path("claims.yaml")])
        #expect(again.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("unchanged") })
        #expect(try cli.snapshot() == before)
    }

    @Test func aChangedClaimUnderAnExistingIdExits65() throws {
        let cli = try CaseworkCLI.withClaims()
        let before = try cli.snapshot()
        let changed = try cli.write("changed.yaml", CaseworkCLI.claimsYAML.replacingOccurrences(of: "a 9-second clip\n", with: "a 12-second clip\n"))
        let run = try cli.run(["claims", "import", changed])
        #expect(run.status == 65)
        #expect(run.stderr.contains("footage: \(changed): claim c1 is already in the catalogue with different content"))
        #expect(try cli.snapshot() == before)
    }

    @Test func aMissingArticleExits65NamingTheCommand() throws {
        let cli = try CaseworkCLI()
        let before = try cli.snapshot()
        let file = try cli.write("claims.yaml", CaseworkCLI.claimsYAML)
        let run = try cli.run(["claims", "import", file])
        #expect(run.status == 65)
        #expect(run.stderr.contains("claim c1 names the article deserters, which is not in the catalogue"))
        #expect(run.stderr.contains("footage article add URL --id deserters"))
        #expect(try cli.snapshot() == before)
    }

    @Test func aBadClaimsFileExits65WithLineAndColumn() throws {
        let cli = try CaseworkCLI.withClaims()
        let before = try cli.snapshot()
        let file = try cli.write("bad.yaml", """
            article: deserters
            claims:
              - id: c9
                kind: event
                quote: "x"
                tiem: at 0:06
            """)
        let run = try cli.run(["claims", "import", file])
        #expect(run.status == 65)
        #expect(run.stderr.contains("footage: \(file):6:5: unknown field \"tiem\""))
        #expect(try cli.snapshot() == before)
    }

    @Test func missingClaimsFileExits66() throws {
        let cli = try CaseworkCLI()
        let run = try cli.run(["claims", "import", cli.folder.path("absent.csv")])
        #expect(run.status == 66)
        #expect(run.stderr.contains("absent.csv: no such file"))
    }

    @Test func csvAndJSONImportLikeYAML() throws {
        let cli = try CaseworkCLI()
        try cli.succeed(["article", "add", CaseworkCLI.articleURL, "--id", "deserters"])
        let csv = try cli.write("claims.csv", """
            id,article,kind,quote,timing,event,count,follows
            d1,deserters,duration,"a 9-second clip",a 9-second clip,,,
            d2,deserters,event,"a shot at 0:06",at 0:06,shot,1,
            """)
        let json = try cli.write("claims.json", #"{"article": "deserters", "claims": [{"id": "j1", "kind": "visual", "quote": "a BMP"}]}"#)
        try cli.succeed(["claims", "import", csv])
        try cli.succeed(["claims", "import", json])
        #expect(try cli.query("SELECT group_concat(handle || ':' || kind, ' ') FROM claims") == "d1:duration d2:event j1:visual")
    }

    @Test func longNamesAreCutToFitAndTheArticleFilterWorks() throws {
        let cli = try CaseworkCLI.withClaims()
        let handle = "a-rather-long-article-handle-from-a-long-headline"
        try cli.succeed(["article", "add", "https://example.org/long", "--id", handle])
        let file = try cli.write("long.yaml", """
            article: \(handle)
            claims:
              - id: a-claim-id-that-goes-on-and-on-for-a-while
                kind: event
                quote: "somewhere between four and seven seconds in, a shot"
                timing: between 0:04 and 0:07
                event: shot
            """)
        try cli.succeed(["claims", "import", file])
        let lines = try cli.succeed(["claims"]).stdout.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines)")
        #expect(lines.last?.contains("…") == true)
        let only = try #require(try cli.succeed(["claims", "--article", handle, "--json"]).json() as? [[String: Any]])
        #expect(only.map { $0["id"] as? String } == ["a-claim-id-that-goes-on-and-on-for-a-while"])
    }
}
