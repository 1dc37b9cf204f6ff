import Foundation
import TestSupport
import Testing

/// `kill -9` at random moments during registration must never leave the catalogue inconsistent.
@Suite struct CrashTests {
    @Test func killNineDuringRegistrationLeavesAConsistentCatalogue() throws {
        let scratch = try ScratchFolder("crash-test")
        let root = scratch.url.path
        #expect(try FootageProcess.run(["init", root], in: root).status == 0)
        let database = root + "/.footage/catalogue.sqlite"
        var generator = SystemRandomNumberGenerator()
        for round in 0..<30 {
            // 300 tiny files per round, most new, some repeated from the round before.
            let folder = "round\(round)"
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            for index in 0..<300 {
                let content = index % 5 == 0 ? "shared \(index)" : "round \(round) file \(index)"
                try scratch.write("\(folder)/f\(index).bin", Data(content.utf8))
            }
            let process = try FootageProcess.start(["register", folder, "--source", "https://example.org/r\(round)"],
                                                   in: root, stdout: scratch.url.appendingPathComponent("o\(round)"),
                                                   stderr: scratch.url.appendingPathComponent("e\(round)"))
            usleep(UInt32.random(in: 20_000...700_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            #expect(try FootageProcess.sqlite(database, "PRAGMA integrity_check") == "ok")
            #expect(try FootageProcess.sqlite(database, "PRAGMA foreign_key_check") == "")
            // No clip without its collection record, its registered event and its probe.
            let halfDone = try FootageProcess.sqlite(database, """
                SELECT count(*) FROM clips c WHERE
                  NOT EXISTS (SELECT 1 FROM collections WHERE clip_id = c.id) OR
                  NOT EXISTS (SELECT 1 FROM probes WHERE clip_id = c.id) OR
                  NOT EXISTS (SELECT 1 FROM custody_events WHERE clip_id = c.id AND action = 'registered')
                """)
            #expect(halfDone == "0", "round \(round)")
        }
        // Every recorded clip's object is there with the right hash; orphans only are allowed.
        let check = try FootageProcess.run(["verify", "--json"], in: root)
        let report = try JSONSerialization.jsonObject(with: check.stdout) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        #expect(findings.allSatisfy { $0["kind"] as? String == "untracked" }, "\(findings.prefix(5))")
        let repair = try FootageProcess.run(["verify", "--repair"], in: root)
        #expect(repair.status == 0, "\(repair.stderr)")
        let after = try FootageProcess.run(["verify"], in: root)
        #expect(after.status == 0 && after.text.isEmpty, "\(after.text)")
        // The object files match the clip table one for one.
        let clipCount = try FootageProcess.sqlite(database, "SELECT count(*) FROM clips")
        let objects = try FileManager.default.subpathsOfDirectory(atPath: root + "/.footage/vault/objects")
            .filter { $0.contains("/") }
        #expect(String(objects.count) == clipCount)
    }
}
