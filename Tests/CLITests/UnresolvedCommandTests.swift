import Foundation
import TestSupport
import Testing

@Suite struct UnresolvedCommandTests {
    private func items(_ cli: CaseworkCLI, _ extra: [String] = []) throws -> [[String: Any]] {
        let run = try cli.succeed(["unresolved", "--json"] + extra)
        return try #require(try run.json() as? [[String: Any]])
    }

    private func pairs(_ list: [[String: Any]]) -> [String] {
        list.map { "\($0["reason"] as? String ?? "?") \($0["claim"] as? String ?? "-")" }
    }

    @Test func theWorkedExampleBeforeAnyCheck() throws {
        let cli = try CaseworkCLI.withClaims()
        let digest = try cli.register(Fixtures.standIn())
        for claim in ["c1", "c2", "c3", "c4"] { try cli.succeed(["link", claim, String(digest.prefix(12))]) }
        let list = try items(cli)
        #expect(pairs(list) == [
            "ambiguous_time_expression c2", "needs_person c4", "unchecked c1", "unchecked c2", "unchecked c3",
            "not_analyzed -", "no_clip_linked c5", "described_footage_not_registered c6",
        ])
        #expect(list.allSatisfy { Set($0.keys) == ["reason", "clip", "claim", "detail", "next"] })
        #expect(list[1]["clip"] as? String == digest)
        #expect(list[1]["next"] as? String
                == "footage frames \(digest.prefix(12)) --every 1; footage mark \(digest.prefix(12)) --at T --label c4")
        #expect(list[5]["next"] as? String == "footage analyze \(digest.prefix(12))")
        #expect(list[6]["next"] as? String == "footage link c5 CLIP")
        // A mark labelled with the visual claim's id is a person's judgement of it.
        try cli.succeed(["mark", String(digest.prefix(12)), "--at", "0", "--label", "c4", "--note", "three soldiers, one sitting"])
        #expect(!pairs(try items(cli)).contains("needs_person c4"))
    }

    @Test func tableIsReadableAt100Columns() throws {
        let cli = try CaseworkCLI.withClaims()
        _ = try cli.register(FixtureCatalogue.videoOnlyMP4())
        let run = try cli.succeed(["unresolved"])
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 100 })
        // One line per item, its detail wrapped onto indented lines, then the next command.
        #expect(lines.filter { !$0.hasPrefix(" ") }.count == 8)
        #expect(lines.filter { $0.hasPrefix("    next: ") }.count == 8)
        #expect(lines[0].hasPrefix("ambiguous_time_expression"))
        #expect(lines[0].contains("c2  \"in the sixth second\" reads as [5, 6)"))
        let firstItem = lines.prefix { !$0.hasPrefix("    next: ") }.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(firstItem.contains("also as \"at 0:06\" [5.5, 6.5)"))
        #expect(lines.contains("    next: footage claims import FILE (new id with reading: strict or alternative)"))
        #expect(lines.last?.hasPrefix("    next: footage link CLAIM ") == true)
    }

    @Test func limitAndReasonFilter() throws {
        let cli = try CaseworkCLI.withClaims()
        let limited = try cli.succeed(["unresolved", "--json", "--limit", "2"])
        #expect((try limited.json() as? [Any])?.count == 2)
        #expect(limited.stderr.contains("more items than the 2 shown"))
        #expect(pairs(try items(cli, ["--reason", "no_clip_linked"])) == [
            "no_clip_linked c1", "no_clip_linked c2", "no_clip_linked c3", "no_clip_linked c4", "no_clip_linked c5",
        ])
        let bad = try cli.run(["unresolved", "--reason", "unknown_reason"])
        #expect(bad.status == 64)
    }

    @Test func missingVaultCopyAndChangedBytesAreListed() throws {
        let cli = try CaseworkCLI()
        let digest = try cli.register(FixtureCatalogue.videoOnlyMP4())
        let object = "\(cli.root)/.footage/vault/objects/\(digest.prefix(2))/\(digest.dropFirst(2))"
        // Change one byte of the vault copy: verify records it, and unresolved says so.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: object))
        bytes[bytes.count / 2] ^= 0xFF
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object)
        try bytes.write(to: URL(fileURLWithPath: object))
        let verify = try cli.run(["verify"])
        #expect(verify.status == 1)
        let changed = try items(cli, ["--reason", "hash_mismatch"])
        #expect(changed.map { $0["clip"] as? String } == [digest])
        #expect(changed.first?["next"] as? String == "footage provenance \(digest.prefix(12))")
        try FileManager.default.removeItem(atPath: object)
        let missing = try items(cli, ["--reason", "clip_missing"])
        #expect(missing.map { $0["clip"] as? String } == [digest])
        #expect((missing.first?["detail"] as? String)?.hasSuffix("is gone") == true)
    }

    @Test func verdictsDecideInconsistentInconclusiveAndUnchecked() throws {
        let cli = try CaseworkCLI.withClaims()
        let digest = try cli.register(FixtureCatalogue.videoOnlyMP4())
        for claim in ["c1", "c2", "c3"] { try cli.succeed(["link", claim, String(digest.prefix(12))]) }
        // Verdicts as `footage check` stores them, checked now (after the links were made).
        let clip = try cli.query("SELECT id FROM clips")
        func verdict(_ claim: String, _ outcome: String, _ explanation: String) throws {
            let json = #"{"claim_id":"\#(claim)","outcome":"\#(outcome)","offset":"0","other_measurements":[],"explanation":"\#(explanation)"}"#
            _ = try cli.query("""
                INSERT INTO verdicts (claim_id, clip_id, outcome, checked_at, checked_by, verdict_json)
                SELECT id, \(clip), '\(outcome)', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tester', '\(json)' FROM claims WHERE handle = '\(claim)'
                """)
        }
        try verdict("c1", "consistent", "first")
        try verdict("c1", "inconsistent", "the clip is 2 s long")
        try verdict("c2", "inconclusive", "no audio stream")
        try verdict("c3", "unchecked", "the event it follows was not found")
        let list = try items(cli)
        #expect(Array(pairs(list).prefix(3)) == ["inconsistent c1", "inconclusive c2", "ambiguous_time_expression c2"])
        #expect(list[0]["detail"] as? String == "the clip is 2 s long")
        #expect(list[1]["next"] as? String == "footage mark \(digest.prefix(12)) --at 5 --label shot")
        #expect(pairs(list).contains("unchecked c3"))
        #expect(!pairs(list).contains("unchecked c1"))
    }
}
