import Foundation
import TestSupport

/// A catalogue holding the CASE stand-in clip (9 s, impulses at 5.40, 6.10 and 6.55 s), the
/// article, its claims (Tests/Fixtures/claims/deserters.json) linked to the clip, a person's mark
/// of the first shot, the clip's stored analysis and the verdicts of `footage check`: what the
/// export commands are run against, all made by the built tool's own commands.
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
        ]
        for step in steps {
            let run = try FootageRun.run(step + ["--catalogue", catalogue])
            guard run.status == 0 else { throw CaseError.step(step.prefix(2).joined(separator: " "), run.stderr) }
        }
        // c2 is read as "at 0:06" ([5.5, 6.5)) as the claims file asks, and misses the marked shot
        // at 5.4 s: the check exits 1 for that inconsistency.
        let check = try FootageRun.run(["check", "--catalogue", catalogue])
        guard check.status == 1 else { throw CaseError.step("check", "exit \(check.status): \(check.stderr)") }
        return ExportCase(scratch: scratch, catalogue: catalogue, clipPath: clip, clipSHA: sha)
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
