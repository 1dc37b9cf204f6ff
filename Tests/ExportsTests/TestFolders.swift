import Foundation

/// A fresh folder under the system temporary folder for one test, removed when released.
final class ScratchFolder {
    let url: URL
    var path: String { url.path }

    init(_ label: String = "exports") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `contents` to `name` inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let target = file(name)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Every path under the folder (links not followed) with its size or link target, so a test
    /// can show that nothing changed.
    func snapshot() throws -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: path) else { return result }
        for case let relative as String in walker {
            let full = file(relative)
            let attributes = try manager.attributesOfItem(atPath: full)
            if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
                result[relative] = "link to " + (try manager.destinationOfSymbolicLink(atPath: full))
            } else if attributes[.type] as? FileAttributeType == .typeRegular {
                result[relative] = "file " + ((try? String(contentsOfFile: full, encoding: .utf8)) ?? "\(attributes[.size] ?? 0) bytes")
            } else {
                result[relative] = "folder"
            }
        }
        return result
    }
}

/// The result of running a command that may fail on purpose.
struct CommandResult {
    var status: Int32
    var output: String
    var errors: String
}

enum Command {
    /// Runs a command found on PATH and returns its exit status and both outputs. Output goes
    /// through files so a chatty child cannot block on a full pipe.
    static func run(_ command: String, _ arguments: [String], input: String? = nil) throws -> CommandResult {
        let folder = try ScratchFolder("command")
        let outURL = URL(fileURLWithPath: folder.file("out"))
        let errURL = URL(fileURLWithPath: folder.file("err"))
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let input {
            let inPath = try folder.write("in", input)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return CommandResult(status: process.terminationStatus,
                             output: try String(contentsOf: outURL, encoding: .utf8),
                             errors: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// Runs a Python program given as text, with arguments.
    static func python(_ program: String, _ arguments: [String] = []) throws -> CommandResult {
        try run("python3", ["-c", program] + arguments)
    }
}

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
