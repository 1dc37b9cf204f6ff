import Foundation
import TestSupport

/// A catalogue holding the CASE stand-in clip (9 s, impulses at 5.40, 6.10 and 6.55 s), the
/// article, its claims (Tests/Fixtures/claims/deserters.json) linked to the clip, a person's mark
/// of the first shot, the clip's stored analysis and a verdict per checked claim: what the export
/// commands are run against. Everything but the verdicts is made by the built tool's own commands.
struct ExportCase {
    let scratch: ScratchFolder
    let catalogue: String
    let clipPath: String
    let clipSHA: String

    static let articleURL = "https://example.org/news/deserters"
    static let sourceURL = "https://example.org/post/standin"

    /// Runs `footage` against this catalogue.
    func footage(_ arguments: [String]) throws -> FootageRun {
        try FootageRun.run(arguments + ["--catalogue", catalogue])
    }

    static func make() throws -> ExportCase {
        let scratch = try ScratchFolder("export-case")
        let root = scratch.path("case")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let clip = try Fixtures.standIn().path
        let initRun = try FootageRun.run(["init", root])
        guard initRun.status == 0 else { throw CaseError.step("init", initRun.stderr) }
        let catalogue = root + "/.footage"
        let sha = String(try ToolRun.run("sha256sum", [clip]).stdout.prefix(64))
        let prefix = String(sha.prefix(12))
        let steps: [[String]] = [
            ["register", clip, "--source", sourceURL, "--by", "archivist", "--collected-at", "2026-11-20T09:00:00Z"],
            ["article", "add", articleURL, "--id", "deserters-2026", "--title", "Soldiers desert, spokesman says",
             "--publisher", "Example Outlet", "--published", "2026-11-19", "--author", "A. Reporter"],
            ["claims", "import", RepositoryPaths.path("Tests/Fixtures/claims/deserters.json")],
            ["link", "c1", prefix], ["link", "c2", prefix], ["link", "c3", prefix], ["link", "c4", prefix],
            ["mark", prefix, "--at", "5.4", "--label", "first shot, left soldier", "--by", "checker"],
            ["analyze", prefix],
        ]
        for step in steps {
            let run = try FootageRun.run(step + ["--catalogue", catalogue])
            guard run.status == 0 else { throw CaseError.step(step.prefix(2).joined(separator: " "), run.stderr) }
        }
        try Self.addVerdicts(database: catalogue + "/catalogue.sqlite", clipSHA: sha)
        return ExportCase(scratch: scratch, catalogue: catalogue, clipPath: clip, clipSHA: sha)
    }

    /// The verdicts the check engine reaches on the stand-in, stored in the shape
    /// `Catalogue.storeVerdict` writes: the duration fits; c2, read as "at 0:06" ([5.5, 6.5)) as the
    /// claims file asks, misses the marked shot at 5.4 s, which the other reading would include;
    /// two shots follow it. c4 stays unchecked.
    static func addVerdicts(database: String, clipSHA: String) throws {
        let program = #"""
        import sqlite3, sys
        db, sha = sys.argv[1], sys.argv[2]
        con = sqlite3.connect(db)
        con.execute("PRAGMA foreign_keys = ON")
        now = "2026-11-21T10:00:00.000000Z"
        clip = con.execute("SELECT id FROM clips WHERE digest = ?", (sha,)).fetchone()[0]
        aid = con.execute("SELECT max(id) FROM analyses WHERE clip_id = ?", (clip,)).fetchone()[0]
        verdicts = [
          ("c1", "consistent", '{"claim_id":"c1","outcome":"consistent","offset":"0","measurement":{"name":"presented_frames_duration","source":"probe","seconds":"9","times":[]},"other_measurements":[],"difference":"0","tolerance":"1/2","explanation":"the footage lasts 9 s, inside the claimed [8.5, 9.5)"}'),
          ("c2", "inconsistent", '{"claim_id":"c2","outcome":"inconsistent","offset":"0","measurement":{"name":"events_in_interval","source":"marked","count":0,"times":["27/5"]},"other_measurements":[],"difference":"1/10","count_difference":-1,"tolerance":"1/2","explanation":"the marked shot at 5.4 s lies 0.1 s before the claimed [5.5, 6.5)","alternative_reading":{"reading":{"rule":"ordinal_second","bounds":{"start":"5","end":"6","start_closed":true,"end_closed":false},"expression":"in the sixth second"},"outcome":"consistent","explanation":"read as the sixth second, [5, 6), the marked shot at 5.4 s is inside"}}'),
          ("c3", "consistent", '{"claim_id":"c3","outcome":"consistent","offset":"0","measurement":{"name":"events_after","source":"detected","count":2,"times":["61/10","131/20"]},"other_measurements":[],"count_difference":0,"explanation":"two detected shots after the first, at 6.1 s and 6.55 s"}'),
        ]
        for handle, outcome, record in verdicts:
            cid = con.execute("SELECT id FROM claims WHERE handle = ?", (handle,)).fetchone()[0]
            con.execute("INSERT INTO verdicts (claim_id, clip_id, outcome, checked_at, checked_by, analysis_id, verdict_json) VALUES (?,?,?,?,?,?,?)",
                        (cid, clip, outcome, now, "checker", aid, record))
        con.commit()
        """#
        let result = try ToolRun.run("python3", ["-c", program, database, clipSHA])
        guard result.status == 0 else { throw CaseError.step("verdict rows", result.stderr) }
    }
}

enum CaseError: Error, CustomStringConvertible {
    case step(String, String)
    var description: String {
        switch self {
        case let .step(step, detail): "\(step) failed: \(detail)"
        }
    }
}

/// One run of another program (python3 and its validators, coreutils, shells).
struct ToolRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(_ command: String, _ arguments: [String]) throws -> ToolRun {
        let folder = try ScratchFolder("tool-run")
        let outURL = URL(fileURLWithPath: folder.path("stdout"))
        let errURL = URL(fileURLWithPath: folder.path("stderr"))
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return ToolRun(status: process.terminationStatus,
                       stdout: try String(contentsOf: outURL, encoding: .utf8),
                       stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}

/// Paths inside the repository, found from this file's location.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
