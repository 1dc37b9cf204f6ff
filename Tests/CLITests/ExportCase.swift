import Foundation
import TestSupport

/// A catalogue holding the CASE stand-in clip (9 s, impulses at 5.40, 6.10 and 6.55 s), the
/// article, its claims linked to the clip, a person's mark of the first shot, the clip's
/// analysis and a verdict per checked claim: what the export commands are run against.
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
        let register = try FootageRun.run(["register", clip, "--source", sourceURL, "--by", "archivist",
                                           "--collected-at", "2026-11-20T09:00:00Z", "--catalogue", catalogue])
        guard register.status == 0 else { throw CaseError.step("register", register.stderr) }
        let sha = String(try ToolRun.run("sha256sum", [clip]).stdout.prefix(64))
        let analysis = try FootageRun.run(["analyze", clip, "--json"])
        guard analysis.status == 0 else { throw CaseError.step("analyze", analysis.stderr) }
        let report = try Self.firstReport(analysis.stdout)
        try Self.addCasework(database: catalogue + "/catalogue.sqlite", clipSHA: sha, analysis: report)
        return ExportCase(scratch: scratch, catalogue: catalogue, clipPath: clip, clipSHA: sha)
    }

    /// The one report in `footage analyze --json`'s array, re-encoded compactly.
    static func firstReport(_ text: String) throws -> String {
        guard let array = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any], let first = array.first else {
            throw CaseError.step("analyze", "no report in: \(text.prefix(200))")
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: first, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The rows the claims and check commands write (the same shapes as `Catalogue.importClaims`,
    /// `link`, `addMark`, `storeAnalysis` and `storeVerdict` store): the article, three claims,
    /// their links to the clip, a mark at the first impulse, the analysis and the verdicts the
    /// check engine reaches on the stand-in (duration 9 s, a shot in [5, 6), two shots after it).
    static func addCasework(database: String, clipSHA: String, analysis: String) throws {
        let program = #"""
        import sqlite3, sys
        db, sha, analysis = sys.argv[1], sys.argv[2], sys.argv[3]
        con = sqlite3.connect(db)
        con.execute("PRAGMA foreign_keys = ON")
        now = "2026-11-21T10:00:00.000000Z"
        clip = con.execute("SELECT id FROM clips WHERE digest = ?", (sha,)).fetchone()[0]
        con.execute("INSERT INTO articles (handle, url, title, publisher, published, author, added_at, added_by) VALUES (?,?,?,?,?,?,?,?)",
                    ("deserters-2026", "https://example.org/news/deserters", "Soldiers desert, spokesman says", "Example Outlet",
                     "2026-11-19T00:00:00Z", "A. Reporter", now, "checker"))
        claims = [
          ("c1", "duration", '{"id":"c1","article_id":"deserters-2026","quote":"a 9-second clip","kind":"duration","timing":"a 9-second clip","interval":{"measure":"duration","written":"a 9-second clip","rule":"duration_half_unit","bounds":{"start":"17/2","end":"19/2","start_closed":true,"end_closed":false},"nominal":"9","precision":"1","ambiguous":false}}',
           '{"id":"c1","kind":"duration","quote":"a 9-second clip","timing":"a 9-second clip"}'),
          ("c2", "event", '{"id":"c2","article_id":"deserters-2026","quote":"In the sixth second the soldier on the left fires a shot","kind":"event","timing":"in the sixth second","interval":{"measure":"instant","written":"in the sixth second","rule":"ordinal_second","bounds":{"start":"5","end":"6","start_closed":true,"end_closed":false},"nominal":"6","precision":"1","ambiguous":true,"alternative":{"rule":"clock_time_half_precision","bounds":{"start":"11/2","end":"13/2","start_closed":true,"end_closed":false},"expression":"at 0:06"}},"event":"shot","count":1,"asserted_by":"military spokesman"}',
           '{"id":"c2","kind":"event","quote":"In the sixth second the soldier on the left fires a shot","timing":"in the sixth second","event":"shot","count":1,"asserted_by":"military spokesman"}'),
          ("c3", "order", '{"id":"c3","article_id":"deserters-2026","quote":"followed by two shots from the soldier on the right","kind":"order","event":"shot","count":2,"follows":"c2","asserted_by":"military spokesman"}',
           '{"id":"c3","kind":"order","quote":"followed by two shots from the soldier on the right","event":"shot","count":2,"follows":"c2","asserted_by":"military spokesman"}'),
        ]
        for handle, kind, claim, record in claims:
            row = '{"claim":%s,"record":%s}' % (claim, record)
            cid = con.execute("INSERT INTO claims (handle, article_id, kind, record_json, imported_at, imported_by) VALUES (?,1,?,?,?,?)",
                              (handle, kind, row, now, "checker")).lastrowid
            con.execute("INSERT INTO claim_links (claim_id, clip_id, linked_at, linked_by) VALUES (?,?,?,?)", (cid, clip, now, "checker"))
        con.execute("INSERT INTO marks (clip_id, at_num, at_den, label, marked_by, marked_at) VALUES (?,?,?,?,?,?)",
                    (clip, 27, 5, "first shot, left soldier", "checker", now))
        aid = con.execute("INSERT INTO analyses (clip_id, analysed_at, tool_version, audio_event_count, cut_count, report_json) VALUES (?,?,?,?,?,?)",
                          (clip, now, "0.1.0", 3, 0, analysis)).lastrowid
        verdicts = [
          (1, "consistent", '{"claim_id":"c1","outcome":"consistent","offset":"0","measurement":{"name":"presented_frames_duration","source":"probe","seconds":"9","times":[]},"other_measurements":[],"difference":"0","tolerance":"1/2","explanation":"the footage lasts 9 s, inside the claimed [8.5, 9.5)"}'),
          (2, "consistent", '{"claim_id":"c2","outcome":"consistent","offset":"0","measurement":{"name":"events_in_interval","source":"marked","count":1,"times":["27/5"]},"other_measurements":[],"difference":"0","count_difference":0,"tolerance":"1/2","explanation":"one marked shot at 5.4 s, inside the claimed [5, 6)"}'),
          (3, "consistent", '{"claim_id":"c3","outcome":"consistent","offset":"0","measurement":{"name":"events_after","source":"detected","count":2,"times":["61/10","131/20"]},"other_measurements":[],"count_difference":0,"explanation":"two detected shots after the first, at 6.1 s and 6.55 s"}'),
        ]
        for cid, outcome, record in verdicts:
            con.execute("INSERT INTO verdicts (claim_id, clip_id, outcome, checked_at, checked_by, analysis_id, verdict_json) VALUES (?,?,?,?,?,?,?)",
                        (cid, clip, outcome, now, "checker", aid, record))
        con.commit()
        """#
        let result = try ToolRun.run("python3", ["-c", program, database, clipSHA, analysis])
        guard result.status == 0 else { throw CaseError.step("casework rows", result.stderr) }
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
