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

    /// Starts `footage` with `arguments` (raw bytes allowed through `rawArguments`) and returns the process.
    static func start(_ arguments: [String], in directory: String, stdout: URL, stderr: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "FOOTAGE_CATALOGUE")
        process.environment = environment
        try process.run()
        return process
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
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "FOOTAGE_CATALOGUE")
        environment["FOOTAGE_BIN"] = binary
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return FootageRun(status: process.terminationStatus, stdout: try Data(contentsOf: out),
                          stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Runs an SQL query with the `sqlite3` command, an oracle independent of our code.
    static func sqlite(_ database: String, _ sql: String) throws -> String {
        let output = try Fixtures.run("sqlite3", [database, sql])
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
