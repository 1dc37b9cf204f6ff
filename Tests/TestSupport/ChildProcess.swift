public import Foundation

/// What a finished child process left: its exit status and everything it wrote.
public struct ChildOutput: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data

    /// Stdout as text (invalid UTF-8 repaired, so a test can still print it).
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// The one way tests run another program: `footage`, `ffmpeg`, `sqlite3`, a shell.
///
/// Stdout and stderr go to temporary files that are read after the child exits: a chatty child
/// can never block on a full pipe, and no pipe read can be interrupted by another child's exit
/// signal (Foundation's `readDataToEndOfFile` traps on EINTR when many children run at once).
public enum ChildProcess {
    /// Runs `executable` to completion. `environment` replaces the inherited one when given;
    /// stdin is closed unless `input` names a file to read it from.
    public static func run(_ executable: URL, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String]? = nil, input: URL? = nil) throws -> ChildOutput {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        let outURL = stem.appendingPathExtension("out")
        let errURL = stem.appendingPathExtension("err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = try start(executable, arguments, in: directory, environment: environment, input: input,
                                stdout: outURL, stderr: errURL)
        process.waitUntilExit()
        return ChildOutput(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                           stderr: try Data(contentsOf: errURL))
    }

    /// Starts `executable` without waiting (for tests that kill it or run several at once);
    /// its stdout and stderr are written to the given files, which are created here.
    public static func start(_ executable: URL, _ arguments: [String], in directory: String? = nil,
                             environment: [String: String]? = nil, input: URL? = nil,
                             stdout: URL, stderr: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: stdout)
        let errHandle = try FileHandle(forWritingTo: stderr)
        // The child holds its own copies of the descriptors; ours are closed once it has started.
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a program found on PATH and returns its stdout, throwing with its stderr when it
    /// exits with a failure status.
    @discardableResult
    public static func output(of command: String, _ arguments: [String]) throws -> Data {
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), [command] + arguments)
        if result.status != 0 {
            throw FixtureError.failed("\(command) \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderrText)")
        }
        return result.stdout
    }
}
