import Foundation
import TestSupport

/// One run of the built `footage` binary: its exit status and what it wrote.
struct FootageRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `footage arguments…` with stdin closed; output goes through files so that a large
    /// listing can never block the child on a full pipe.
    static func run(_ arguments: [String]) throws -> FootageRun {
        let folder = try ScratchFolder("footage-cli")
        let outURL = URL(fileURLWithPath: folder.path("stdout"))
        let errURL = URL(fileURLWithPath: folder.path("stderr"))
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = BuiltProducts.footage
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return FootageRun(status: process.terminationStatus,
                          stdout: try String(contentsOf: outURL, encoding: .utf8),
                          stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// The stdout parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }
}
