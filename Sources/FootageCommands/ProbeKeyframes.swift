import ArgumentParser
import FootageModel
import Foundation
import KeyframeListing
import ProbeIsolation

extension Footage.Probe {
    /// `footage probe --keyframes FILE…`: `{"keyframes": […]}` for one file, an array of
    /// `{"path", "keyframes"|"error"}` for several; the most severe failure sets the exit status.
    func runKeyframes() async throws {
        var configuration = KeyframeLister.Configuration()
        if let deadline { configuration.deadline.base = .milliseconds(Int64(deadline * 1000)) }
        let results = await KeyframeLister(configuration: configuration).list(paths: files, forceScan: scan)

        var worst: ExitCode?
        var documents: [[UInt8]] = []
        for (path, result) in zip(files, results) {
            let symlink = files.count > 1 ? (try? PathPrecheck.check(path).get())?.symlinkTarget : nil
            documents.append(try KeyframeEntryJSON.document(path: files.count > 1 ? path : nil, symlinkTarget: symlink, result: result))
            guard case .failure(let error) = result else { continue }
            Console.err("footage: probe failed for \(path): \(ProbeFailureStatus.detail(of: error))")
            if worst.map({ ProbeFailureStatus.severity($0) < ProbeFailureStatus.severity(error.exitCode) }) ?? true {
                worst = error.exitCode
            }
        }
        if documents.count == 1, let only = documents.first {
            Console.out(String(decoding: only, as: UTF8.self))
        } else {
            let joined = documents.map { Array("\n".utf8) + $0 }.joined(separator: Array(",".utf8))
            Console.out(String(decoding: Array("[".utf8) + Array(joined) + Array("\n]".utf8), as: UTF8.self))
        }
        if let worst { throw worst }
    }
}

/// One file's keyframe result as JSON, written directly: a long file lists tens of thousands.
enum KeyframeEntryJSON {
    /// `{"path"?, "symlink"?, "keyframes"|"error"}`.
    static func document(path: String?, symlinkTarget: String?, result: Result<[KeyframeEntry], ProbeError>) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var members: [[UInt8]] = []
        if let path {
            members.append(Array(#""path":"#.utf8) + Array(try encoder.encode(path)))
            if let symlinkTarget {
                members.append(Array(#""symlink":"#.utf8) + Array(try encoder.encode(SymlinkNote(path: path, target: symlinkTarget))))
            }
        }
        switch result {
        case .success(let entries):
            members.append(Array(#""keyframes":"#.utf8) + KeyframeListJSON.encode(entries))
        case .failure(let error):
            members.append(Array(#""error":"#.utf8) + Array(try encoder.encode(error)))
        }
        return Array("{".utf8) + Array(members.joined(separator: Array(",".utf8))) + Array("}".utf8)
    }
}
