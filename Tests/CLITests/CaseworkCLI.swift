import Foundation
import TestSupport

/// A catalogue made by the built `footage init` in a scratch folder, and the commands of the
/// claims workflow run against it.
struct CaseworkCLI {
    let folder: ScratchFolder
    var root: String { folder.path("case") }
    var database: String { root + "/.footage/catalogue.sqlite" }

    init() throws {
        folder = try ScratchFolder("casework-cli")
        try FileManager.default.createDirectory(atPath: folder.path("case"), withIntermediateDirectories: true)
        let made = try FootageRun.run(["init", folder.path("case")])
        guard made.status == 0 else { throw CaseworkCLIFailure.command("init", made.stderr) }
    }

    /// Runs `footage ARGS --catalogue ROOT`.
    func run(_ arguments: [String]) throws -> FootageRun {
        try FootageRun.run(arguments + ["--catalogue", root])
    }

    /// Runs a command that must succeed.
    @discardableResult
    func succeed(_ arguments: [String]) throws -> FootageRun {
        let result = try run(arguments)
        guard result.status == 0 else { throw CaseworkCLIFailure.command(arguments.joined(separator: " "), result.stderr) }
        return result
    }

    /// Writes a file in the scratch folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        try folder.write(name, Data(text.utf8))
    }

    /// Registers a clip and returns its SHA-256.
    func register(_ clip: URL) throws -> String {
        try succeed(["register", clip.path, "--source", "https://example.org/video", "--by", "archivist"])
        return try String(decoding: Fixtures.run("sha256sum", [clip.path]).prefix(64), as: UTF8.self)
    }

    /// The whole state a refused command must leave as it was: every row of every table the
    /// claims workflow writes, and the custody log, read with the `sqlite3` command.
    func snapshot() throws -> String {
        let tables = ["articles", "claims", "claim_links", "marks", "verdicts", "custody_events"]
        let sql = tables.map { "SELECT '\($0)', * FROM \($0) ORDER BY 2;" }.joined()
        return String(decoding: try Fixtures.run("sqlite3", [database, sql]), as: UTF8.self)
    }

    /// One value from the catalogue, read with the `sqlite3` command.
    func query(_ sql: String) throws -> String {
        String(decoding: try Fixtures.run("sqlite3", [database, sql]), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The worked example's claims, naming the article `deserters`.
    static let claimsYAML = WorkedExampleClaims.yaml

    static let articleURL = "https://news.example.org/2026/11/deserters-report/"

    /// A catalogue holding the article and the worked example's claims.
    static func withClaims() throws -> CaseworkCLI {
        let cli = try CaseworkCLI()
        try cli.succeed(["article", "add", articleURL, "--id", "deserters", "--title", "Deserters"])
        try cli.succeed(["claims", "import", try cli.write("claims.yaml", claimsYAML)])
        return cli
    }
}

enum CaseworkCLIFailure: Error {
    case command(String, String)
}
