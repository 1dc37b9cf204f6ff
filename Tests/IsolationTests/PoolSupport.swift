import Foundation
import ProbeIsolation
import TestSupport
import Testing

/// Pools and clips shared by the isolation tests.
enum PoolSupport {
    /// A pool that runs the built worker (the test runner has no worker beside it).
    static func pool(workers: Int = 2, deadline: ProbeDeadline = .init(),
                     limits: WorkerResourceLimits = .init()) -> ProbeWorkerPool {
        ProbeWorkerPool(configuration: .init(
            executablePath: BuiltProducts.probeWorker.path,
            maximumWorkers: workers,
            deadline: deadline,
            worker: WorkerConfiguration(resourceLimits: limits)))
    }

    /// A 1 s, 64x64, 25 fps H.264 clip.
    static func smallClip(seconds: Int = 1) throws -> URL {
        try Fixtures.make("isolation-small-\(seconds)s.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=64x64:r=25:d=\(seconds)",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        ])
    }

    /// A 1080p H.264 clip long enough that decoding every frame takes a while.
    static func heavyClip() throws -> URL {
        try Fixtures.make("isolation-heavy-1080p.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=12",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        ])
    }

    /// A single 15360x8640 frame: decoding it needs about 200 MB for the picture alone.
    static func largeFrameClip() throws -> URL {
        try Fixtures.make("isolation-16k-frame.mp4", [
            "-f", "lavfi", "-i", "color=c=gray:s=15360x8640:r=1:d=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-frames:v", "1",
        ])
    }

    /// What an open descriptor of this process refers to (`socket:[inode]`), or `nil` when closed.
    static func descriptorTarget(_ descriptor: Int32) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)")
    }

    /// The peak address space (`VmPeak`) of a worker that has just probed a small clip: what a
    /// worker needs before any large allocation.
    static func workerBaselineAddressSpace() async throws -> UInt64 {
        let pool = pool(workers: 1)
        _ = try await pool.probe(smallClip().path).get()
        let pid = try #require(await pool.workerIDs.first)
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        await pool.shutdown()
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmPeak:") })
        let kilobytes = try #require(UInt64(line.split(separator: " ").dropFirst().first ?? ""))
        return kilobytes * 1024
    }

    /// Whether a process with this id still exists (as a zombie or otherwise).
    static func processExists(_ pid: Int32) -> Bool {
        FileManager.default.fileExists(atPath: "/proc/\(pid)")
    }

    /// Child process ids of `pid`: every process whose `PPid` in `/proc/*/status` is `pid`.
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { candidate in
            guard let status = try? String(contentsOfFile: "/proc/\(candidate)/status", encoding: .utf8) else { return false }
            return status.split(separator: "\n").contains { $0 == "PPid:\t\(pid)" }
        }
    }

    /// Whether a process exists and has not yet exited (a zombie or a reaped process does not run).
    static func processRuns(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = status.lastIndex(of: ")") else { return false }
        let state = status[status.index(close, offsetBy: 2)...].prefix(1)
        return state != "Z" && state != "X"
    }
}
