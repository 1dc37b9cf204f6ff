import Foundation
import TestSupport

/// Runs `footage` under strace and names the programs it started (its own `execve` and every
/// one after it, across forks), e.g. `["footage", "footage-full"]` for a command handed on.
enum ProgramTrace {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") }

    static func run(_ arguments: [String]) throws -> (run: ChildOutput, programs: [String]) {
        let folder = try ScratchFolder()
        let trace = folder.path("trace")
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/strace"),
                                       ["-f", "-qq", "-e", "trace=execve", "-o", trace, BuiltProducts.footage.path] + arguments)
        let programs = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains("execve(\"") && !$0.contains("= -1") }
            .compactMap { line in line.split(separator: "\"").dropFirst().first.map { String($0.split(separator: "/").last ?? "") } }
        return (run, programs)
    }
}
