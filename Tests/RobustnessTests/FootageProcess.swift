import Foundation
import TestSupport

/// Runs the built `footage` binary (or bash) as a child process, as a user would.
struct FootageRun {
    var status: Int32
    var stdout: Data
    var stderr: String
    var text: String { String(decoding: stdout, as: UTF8.self) }
}

enum FootageProcess {
    static var binary: String { BuiltProducts.footage.path }

    /// The environment every run gets: no catalogue named by the environment, and the binary
    /// under test for scripts that call it.
    private static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "FOOTAGE_CATALOGUE")
        environment["FOOTAGE_BIN"] = binary
        return environment
    }

    /// Starts `footage` with `arguments` and returns the process.
    static func start(_ arguments: [String], in directory: String, stdout: URL, stderr: URL) throws -> Process {
        try ChildProcess.start(BuiltProducts.footage, arguments, in: directory, environment: environment,
                               stdout: stdout, stderr: stderr)
    }

    /// Runs `footage` to completion.
    static func run(_ arguments: [String], in directory: String) throws -> FootageRun {
        try runExecutable(binary, arguments, in: directory)
    }

    /// Runs a shell command line to completion (for `ulimit`).
    static func bash(_ script: String, in directory: String) throws -> FootageRun {
        try runExecutable("/bin/bash", ["-c", script], in: directory)
    }

    private static func runExecutable(_ executable: String, _ arguments: [String], in directory: String) throws -> FootageRun {
        let result = try ChildProcess.run(URL(fileURLWithPath: executable), arguments, in: directory,
                                          environment: environment)
        return FootageRun(status: result.status, stdout: result.stdout, stderr: result.stderrText)
    }

    /// Runs an SQL query with the `sqlite3` command, an oracle independent of our code.
    static func sqlite(_ database: String, _ sql: String) throws -> String {
        let output = try Fixtures.run("sqlite3", [database, sql])
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
