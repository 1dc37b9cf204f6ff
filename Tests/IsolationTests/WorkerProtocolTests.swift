#if canImport(Glibc)
import Glibc
#endif
import Foundation
import FootageModel
import MediaProbe
import ProbeIsolation
import TestSupport
import Testing

/// The worker as the pool sees it: `footage-probe-worker` on a socket or pipe, one JSON line per
/// request, its limits lowered; and workers that misbehave.
struct WorkerProtocolTests {
    @Test func aWorkerAnswersEveryRequestLineWithOneReplyLineAndNothingElse() throws {
        let clip = try PoolSupport.smallClip()
        let folder = try ScratchFolder()
        let requests = [
            #"{"id":1,"kind":"probe","path":"\#(clip.path)","forceScan":false}"#,
            #"{"id":2,"kind":"packets","path":"\#(clip.path)","forceScan":false}"#,
            "this is not a request",
            #"{"id":4,"kind":"probe","path":"\#(folder.path("absent.mp4"))","forceScan":false}"#,
        ]
        let input = try folder.write("requests", Data((requests.joined(separator: "\n") + "\n").utf8))
        let process = Process()
        process.executableURL = BuiltProducts.probeWorker
        process.arguments = ["--configuration", "{}"]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines.last == "", "four lines, each ended by a newline")
        let replies = try lines.dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(replies.count == 4)
        #expect(replies[0]["id"] as? Int == 1 && replies[0]["record"] != nil)
        #expect(replies[1]["id"] as? Int == 2 && (replies[1]["packets"] as? [Any])?.count == 25)
        #expect(replies[2]["id"] is NSNull && replies[2]["error"] != nil)
        #expect((replies[3]["error"] as? [String: Any])?["reason"] as? String == "missing_file")
    }

    @Test(arguments: [[], ["--configuration"], ["--configuration", "not json"], ["--other", "{}"]])
    func aWorkerStartedWithoutItsConfigurationExits64(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = BuiltProducts.probeWorker
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(message.contains("footage-probe-worker"), "\(message)")
    }

    @Test func aWorkerLowersItsOwnLimits() async throws {
        let clip = try PoolSupport.smallClip()
        let limits = WorkerResourceLimits(addressSpaceBytes: 3 << 30, cpuSeconds: 1_234)
        let pool = PoolSupport.pool(workers: 1, limits: limits)
        _ = try await pool.probe(clip.path).get()
        let pid = try #require(await pool.workerIDs.first)
        let table = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        await pool.shutdown()
        let rows = table.split(separator: "\n")
        func limit(_ name: String) -> [Substring] {
            rows.first { $0.hasPrefix(name) }.map { $0.dropFirst(name.count).split(separator: " ") } ?? []
        }
        #expect(limit("Max address space").prefix(2) == ["\(3 << 30)", "\(3 << 30)"])
        #expect(limit("Max cpu time").prefix(2) == ["1234", "1234"])
        #expect(limit("Max file size").prefix(2) == ["0", "0"])
        #expect(limit("Max core file size").prefix(2) == ["0", "0"])
    }

    /// `yes` stands in for a worker gone wrong: it answers a request with endless lines that are
    /// not JSON. The request fails, the process is killed and reaped, and the parent carries on.
    @Test func aWorkerWritingGarbageIsAnErrorNotACrash() async throws {
        let clip = try PoolSupport.smallClip()
        let pool = ProbeWorkerPool(configuration: .init(executablePath: "/usr/bin/yes", maximumWorkers: 1))
        let result = await pool.probe(clip.path)
        guard case .failure(let error) = result else {
            Issue.record("garbage was accepted as a probe record")
            return
        }
        #expect(error.reason == .workerCrashed)
        #expect(error.message.contains(clip.path))
        #expect(await pool.workerIDs.isEmpty)
    }

    @Test func aWorkerThatExitsAtOnceIsACrashNamingItsStatus() async throws {
        let clip = try PoolSupport.smallClip()
        let pool = ProbeWorkerPool(configuration: .init(executablePath: "/bin/false", maximumWorkers: 1))
        let result = await pool.probe(clip.path)
        guard case .failure(let error) = result else {
            Issue.record("a worker that exited produced a record")
            return
        }
        #expect(error.reason == .workerCrashed)
        #expect(error.message.contains("exited with status 1"))
    }

    @Test func aWorkerThatCannotStartIsAnInternalError() async throws {
        let clip = try PoolSupport.smallClip()
        let folder = try ScratchFolder()
        let pool = ProbeWorkerPool(configuration: .init(executablePath: folder.path("no-such-footage"), maximumWorkers: 1))
        let result = await pool.probe(clip.path)
        guard case .failure(let error) = result else {
            Issue.record("a missing worker executable produced a record")
            return
        }
        #expect(error.reason == .internal)
        #expect(error.message.contains("could not start a probe worker"))
    }

    /// A parent killed with SIGKILL cannot end its workers; they notice and leave by themselves,
    /// even while their input is still open. A shell stands in for the parent here, so that the
    /// worker's input (our pipe) outlives it.
    @Test func aWorkerLeavesWhenItsParentIsKilled() async throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        let command = "'\(BuiltProducts.probeWorker.path)' --configuration '{}'; true"
        shell.arguments = ["-c", command]
        let input = Pipe()
        shell.standardInput = input
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        let parent = shell.processIdentifier
        var worker: Int32?
        for _ in 0..<3_000 where worker == nil {
            try await Task.sleep(for: .milliseconds(10))
            worker = PoolSupport.children(of: parent).first
        }
        let pid = try #require(worker, "the shell started a worker")
        // Let the worker reach its request loop before its parent goes.
        try await Task.sleep(for: .milliseconds(500))
        #expect(PoolSupport.processRuns(pid))
        kill(parent, SIGKILL)
        shell.waitUntilExit()
        var gone = false
        for _ in 0..<100 where !gone {
            try await Task.sleep(for: .milliseconds(100))
            gone = !PoolSupport.processRuns(pid)
        }
        #expect(gone, "the orphaned worker exited within 10 s")
        try input.fileHandleForWriting.close()
    }
}
