import FootageCommands
import Foundation

/// Runs one `footage` command of the demo as a child process of this same executable, so that
/// the demo shows exactly what a user typing the commands would see.
struct DemoStep {
    /// The catalogue every step uses (`FOOTAGE_CATALOGUE` in the child's environment).
    let catalogue: String

    /// This executable: `/proc/self/exe`, else the path it was started by.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Prints a section heading on stdout.
    static func heading(_ title: String) {
        Console.out("")
        Console.out("== \(title)")
    }

    /// Runs `footage arguments…`; its stdout goes to ours (or is returned when `capture` is set),
    /// its stderr to ours. Throws when it exits with a status not in `accepting`.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = false, accepting: Set<Int32> = [0]) throws -> String {
        try Self.launch(Self.executable, arguments, environment: ["FOOTAGE_CATALOGUE": catalogue],
                        capture: capture, accepting: accepting, label: "footage " + arguments.prefix(2).joined(separator: " "))
    }

    /// Runs a program found on PATH (ffmpeg) the same way.
    static func tool(_ name: String, _ arguments: [String]) throws {
        _ = try launch("/usr/bin/env", [name] + arguments, environment: [:], capture: false, accepting: [0], label: name)
    }

    private static func launch(_ path: String, _ arguments: [String], environment: [String: String], capture: Bool,
                               accepting: Set<Int32>, label: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        // Captured output goes through a file, so a long listing can never block on a full pipe.
        let captured = FileManager.default.temporaryDirectory.appendingPathComponent("footage-demo-\(UUID().uuidString)")
        if capture {
            _ = FileManager.default.createFile(atPath: captured.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: captured)
        }
        defer { if capture { try? FileManager.default.removeItem(at: captured) } }
        do {
            try process.run()
        } catch {
            throw DemoFailure(step: label, status: nil, detail: "could not be started: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard accepting.contains(process.terminationStatus) else {
            throw DemoFailure(step: label, status: process.terminationStatus, detail: nil)
        }
        guard capture else { return "" }
        return (try? String(contentsOf: captured, encoding: .utf8)) ?? ""
    }
}

/// A demo step that failed: which command, and how.
struct DemoFailure: Error, CustomStringConvertible {
    var step: String
    var status: Int32?
    var detail: String?

    var description: String {
        if let detail { return "demo step \(step) \(detail)" }
        return "demo step \(step) exited with status \(status ?? -1)"
    }
}
