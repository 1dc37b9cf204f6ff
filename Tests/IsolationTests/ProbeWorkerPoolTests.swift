#if canImport(Glibc)
import Glibc
#endif
import FootageModel
import Foundation
import MediaProbe
import ProbeIsolation
import TestSupport
import Testing

@Suite(.serialized) struct ProbeWorkerPoolTests {
    @Test func probesARealClipInAWorker() async throws {
        let clip = try PoolSupport.smallClip()
        let pool = PoolSupport.pool()
        let record = try await pool.probe(clip.path).get()
        await pool.shutdown()
        #expect(record.streams.count == 1)
        #expect(record.streams.first?.codecName == "h264")
        #expect(record.streams.first?.width == 64)
        #expect(record.streams.first?.height == 64)
    }

    @Test(arguments: [SIGKILL, SIGSEGV])
    func aWorkerKilledMidRequestIsACrashAndThePoolGoesOn(signal: Int32) async throws {
        let heavy = try PoolSupport.heavyClip()
        let small = try PoolSupport.smallClip()
        let pool = PoolSupport.pool(workers: 1)
        async let slow = pool.frames(heavy.path)
        var victim: pid_t?
        for _ in 0..<400 where victim == nil {
            try await Task.sleep(for: .milliseconds(10))
            victim = await pool.busyWorkerIDs.first
        }
        let pid = try #require(victim)
        try await Task.sleep(for: .milliseconds(100))
        kill(pid, signal)
        let failure = await slow
        guard case .failure(let error) = failure else {
            Issue.record("the request survived its worker being killed")
            return
        }
        #expect(error.reason == .workerCrashed)
        #expect(error.message.contains(signal == SIGSEGV ? "SIGSEGV" : "SIGKILL"))
        #expect(!PoolSupport.processExists(pid), "the killed worker was reaped")

        let next = try await pool.probe(small.path).get()
        #expect(next.streams.first?.width == 64)
        await pool.shutdown()
    }

    @Test func aDeadlineOfMillisecondsTimesOutAndKillsTheWorker() async throws {
        let clip = try PoolSupport.smallClip()
        let pool = PoolSupport.pool(workers: 1, deadline: .fixed(.milliseconds(3)))
        let result = await pool.probe(clip.path)
        guard case .failure(let error) = result else {
            Issue.record("a 3 ms deadline was met, which includes starting a process")
            return
        }
        #expect(error.reason == .timedOut)
        #expect(error.path == clip.path)
        #expect(await pool.workerIDs.isEmpty, "the timed-out worker is gone")
    }

    /// Under an address-space ceiling 64 MB above what a worker needs for a small clip, the one
    /// 15360x8640 frame cannot be decoded; without the ceiling it is. libav's H.264 decoder reports
    /// the failed picture allocation as a damaged slice; the listing must not pass that off as the
    /// file's content, so the request fails naming the memory limit, and the pool goes on.
    @Test func aMemoryCeilingThatLosesAFrameIsReportedAndLeavesTheParentFine() async throws {
        let large = try PoolSupport.largeFrameClip()
        let small = try PoolSupport.smallClip()
        let unlimited = PoolSupport.pool(workers: 1, deadline: .fixed(.seconds(120)))
        let decoded = try await unlimited.frames(large.path).get()
        await unlimited.shutdown()
        #expect(decoded.filter { $0.width == 15360 && $0.height == 8640 }.count == 1)

        let ceiling = WorkerResourceLimits(addressSpaceBytes: try await PoolSupport.workerBaselineAddressSpace() + 64 << 20)
        let limited = PoolSupport.pool(workers: 1, deadline: .fixed(.seconds(120)), limits: ceiling)
        switch await limited.frames(large.path) {
        case .success(let frames):
            Issue.record("a listing of \(frames.count) frames came back without the frame the ceiling lost")
        case .failure(let error):
            #expect(error.path == large.path)
            #expect(error.reason == .limitExceeded, "\(error.message)")
            #expect(error.message.contains("out of memory decoding \(large.path): stream 0"), "\(error.message)")
            #expect(error.message.contains("15360x8640"), "\(error.message)")
        }
        let probed = try await limited.probe(small.path).get()
        #expect(probed.streams.first?.codecName == "h264")
        await limited.shutdown()
    }

    /// Workers are always the worker executable, started lazily by the pool.
    @Test func theWorkerIsTheSpawnedWorkerExecutable() async throws {
        let pool = ProbeWorkerPool(configuration: .init(executablePath: BuiltProducts.probeWorker.path, maximumWorkers: 2))
        #expect(await pool.workerIDs.isEmpty)
        let record = try await pool.probe(PoolSupport.smallClip().path).get()
        #expect(record.streams.first?.codecName == "h264")
        let pid = try #require(await pool.workerIDs.first)
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
        #expect(executable.hasSuffix("/footage-probe-worker"))
        await pool.shutdown()
    }

    @Test func twoHundredFilesThroughTwoWorkersComeBackInOrder() async throws {
        let folder = try ScratchFolder("isolation-bulk")
        let clips = try [1, 2, 3].map { try PoolSupport.smallClip(seconds: $0) }
        var paths: [String] = []
        var expected: [Int?] = []
        for index in 0..<200 {
            if index % 25 == 7 {
                paths.append(folder.path("missing-\(index).mp4"))
                expected.append(nil)
                continue
            }
            let seconds = index % 3 + 1
            let path = folder.path("clip-\(index).mp4")
            try FileManager.default.copyItem(atPath: clips[seconds - 1].path, toPath: path)
            paths.append(path)
            expected.append(seconds)
        }
        let pool = PoolSupport.pool(workers: 2)
        let results = await pool.probeAll(paths)
        await pool.shutdown()
        #expect(results.count == 200)
        for (index, result) in results.enumerated() {
            switch (result, expected[index]) {
            case (.success(let record), .some(let seconds)):
                #expect(record.format.filename == paths[index])
                #expect(record.format.duration.flatMap(Double.init).map { abs($0 - Double(seconds)) < 0.1 } == true,
                        "\(paths[index]) should last \(seconds) s")
            case (.failure(let error), .none):
                #expect(error.reason == .missingFile)
                #expect(error.path == paths[index])
            default:
                Issue.record("result \(index) for \(paths[index]) is \(result)")
            }
        }
    }

    @Test func shutdownReapsEveryWorkerAndClosesEveryDescriptor() async throws {
        let clip = try PoolSupport.smallClip()
        let pool = PoolSupport.pool(workers: 2)
        _ = await pool.probeAll([clip.path, clip.path, clip.path, clip.path])
        let workers = await pool.workerIDs
        #expect(!workers.isEmpty)
        // Other suites open sockets in this process meanwhile, so follow the pool's own: each
        // descriptor must be closed afterwards (or reused for a different socket).
        let sockets = await pool.idleWorkerSockets.map { ($0, PoolSupport.descriptorTarget($0)) }
        #expect(sockets.count == workers.count)
        for (_, target) in sockets { #expect(target?.hasPrefix("socket:") == true) }
        await pool.shutdown()
        #expect(await pool.workerIDs.isEmpty)
        for pid in workers { #expect(!PoolSupport.processExists(pid), "worker \(pid) was reaped") }
        for (descriptor, target) in sockets {
            #expect(PoolSupport.descriptorTarget(descriptor) != target, "socket \(descriptor) was closed")
        }
    }
}
