import Foundation
import TestSupport

/// One run of the built `footage` binary: its exit status and what it wrote.
struct FootageRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `footage arguments…` with stdin closed (see `ChildProcess`).
    static func run(_ arguments: [String]) throws -> FootageRun {
        let result = try ChildProcess.run(BuiltProducts.footage, arguments)
        return FootageRun(status: result.status, stdout: result.stdoutText, stderr: result.stderrText)
    }

    /// The stdout parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }
}
