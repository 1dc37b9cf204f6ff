import Foundation
import TestSupport
import Testing

@Suite struct LinkMarkCommandTests {
    @Test func linkStoresAnExactOffsetAndRelinkRecordsBoth() throws {
        let cli = try CaseworkCLI.withClaims()
        let digest = try cli.register(FixtureCatalogue.videoOnlyMP4())
        let first = try cli.succeed(["link", "c1", String(digest.prefix(10)), "--offset", "1/3"])
        #expect(first.stdout == "c1  \(digest)  offset 1/3\n")
        #expect(try cli.query("SELECT offset_num || '/' || offset_den FROM claim_links") == "1/3")
        try cli.succeed(["link", "c1", String(digest.prefix(10)), "--offset", "0:02.5"])
        #expect(try cli.query("SELECT offset_num || '/' || offset_den FROM claim_links") == "5/2")
        let details = try cli.query("SELECT group_concat(details, ' ') FROM custody_events WHERE action = 'linked'")
        #expect(details == #"{"claim":"c1","offset":"1/3"} {"claim":"c1","offset":"2.5","previous_offset":"1/3"}"#)
        let listed = try #require(try cli.succeed(["claims", "--json"]).json() as? [[String: Any]])
        let links = try #require(listed.first?["links"] as? [[String: Any]])
        #expect(links.first?["clip"] as? String == digest)
        #expect(links.first?["offset"] as? String == "2.5")
    }

    @Test func unknownClaimExits66() throws {
        let cli = try CaseworkCLI.withClaims()
        let digest = try cli.register(FixtureCatalogue.videoOnlyMP4())
        let before = try cli.snapshot()
        let run = try cli.run(["link", "c99", String(digest.prefix(8))])
        #expect(run.status == 66)
        #expect(run.stderr.contains("footage: no claim has the id c99; footage claims lists them"))
        #expect(try cli.snapshot() == before)
    }

    @Test func unknownClipExits66() throws {
        let cli = try CaseworkCLI.withClaims()
        _ = try cli.register(FixtureCatalogue.videoOnlyMP4())
        let before = try cli.snapshot()
        let prefix = try cli.query("SELECT digest FROM clips").hasPrefix("0") ? "1234" : "0000"
        let link = try cli.run(["link", "c1", prefix])
        #expect(link.status == 66)
        #expect(link.stderr.contains("footage: no clip matches \(prefix)"))
        let mark = try cli.run(["mark", prefix, "--at", "5", "--label", "shot"])
        #expect(mark.status == 66)
        #expect(try cli.snapshot() == before)
    }

    @Test func ambiguousPrefixExits64() throws {
        let cli = try CaseworkCLI.withClaims()
        // Seventeen small files: at least two of their digests share a first hex digit.
        let files = try (1...17).map { try cli.write("note-\($0).txt", "note \($0)\n") }
        _ = try cli.run(["register"] + files + ["--source", "https://example.org/notes"])
        let digests = try cli.query("SELECT digest FROM clips").split(separator: "\n").map(String.init)
        #expect(digests.count == 17)
        let shared = try #require(Dictionary(grouping: digests, by: { $0.prefix(1) }).first { $0.value.count > 1 })
        let before = try cli.snapshot()
        let run = try cli.run(["link", "c1", String(shared.key)])
        #expect(run.status == 64)
        #expect(run.stderr.contains("footage: \(shared.key) matches \(shared.value.count) clips"))
        #expect(run.stderr.contains("give more characters of the hash"))
        let mark = try cli.run(["mark", String(shared.key), "--at", "1", "--label", "shot"])
        #expect(mark.status == 64)
        #expect(try cli.snapshot() == before)
        let invalid = try cli.run(["link", "c1", "xyz"])
        #expect(invalid.status == 64)
        #expect(invalid.stderr.contains("xyz is not a clip hash or a prefix of one"))
    }

    @Test func badTimesExit64() throws {
        let cli = try CaseworkCLI.withClaims()
        let digest = try cli.register(FixtureCatalogue.videoOnlyMP4())
        let before = try cli.snapshot()
        let offset = try cli.run(["link", "c1", String(digest.prefix(8)), "--offset", "soon"])
        #expect(offset.status == 64)
        #expect(offset.stderr.contains("--offset soon is not a time"))
        let ranged = try cli.run(["mark", String(digest.prefix(8)), "--at", "the sixth second", "--label", "shot"])
        #expect(ranged.status == 64)
        #expect(ranged.stderr.contains("--at the sixth second is not a time"))
        #expect(try cli.snapshot() == before)
    }

    @Test func markIsStoredExactlyWithItsPerson() throws {
        let cli = try CaseworkCLI.withClaims()
        let digest = try cli.register(FixtureCatalogue.videoOnlyMP4())
        let run = try cli.succeed(["mark", String(digest.prefix(8)), "--at", "0:01.24", "--label", "shot", "--by", "ana",
                                   "--note", "left soldier", "--json"])
        let mark = try #require(try run.json() as? [String: Any])
        #expect(mark["at"] as? String == "1.24")
        #expect(mark["marked_by"] as? String == "ana")
        #expect(try cli.query("SELECT at_num || '/' || at_den || ' ' || label || ' ' || marked_by FROM marks") == "31/25 shot ana")
        #expect(try cli.query("SELECT actor || ' ' || details FROM custody_events WHERE action = 'marked'")
                == #"ana {"at":"1.24","label":"shot","mark":1,"marked_by":"ana","note":"left soldier"}"#)
    }
}
