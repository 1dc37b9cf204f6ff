import Foundation
import TestSupport
import Testing

/// Hostile and damaged MP4s through `footage-index-worker` and `footage probe --keyframes`: each
/// ends in a clean answer or a failure naming the file, quickly, and never in a hang or a crash
/// of `footage` itself.
@Suite("index worker on hostile files")
struct IndexWorkerHostileTests {
    typealias B = CraftedBoxes

    static let hostile: [(name: String, bytes: [UInt8])] = [
        // 2^31 sample sizes promised by an 8-byte table.
        ("huge-stsz.mp4", B.fileType + B.movie(sampleTable: B.fullBox("stsz", B.uint32(0) + B.uint32(1 << 31) + B.uint32(10) + B.uint32(10)))),
        // 2^31 samples of a constant size: no table needed, so only the counts can refuse it.
        ("huge-constant.mp4", B.fileType + B.movie(sampleTable:
            B.fullBox("stts", B.uint32(1) + B.uint32(1 << 31) + B.uint32(1))
            + B.fullBox("stsc", B.uint32(1) + B.uint32(1) + B.uint32(0x7FFF_FFFF) + B.uint32(1))
            + B.fullBox("stsz", B.uint32(1) + B.uint32(1 << 31))
            + B.fullBox("stco", B.uint32(1) + B.uint32(0)))),
        // Every sample table count at its maximum.
        ("huge-stts.mp4", B.fileType + B.movie(sampleTable: B.fullBox("stts", B.uint32(0x7FFF_FFFF) + B.uint32(1)))),
        // Zero-size boxes: at the top level (to the end of the file) and inside the movie box,
        // where a reader that took size 0 as "no progress" would loop for ever.
        ("zero-top.mp4", B.fileType + B.uint32(0) + Array("free".utf8) + B.movie(sampleTable: [])),
        ("zero-child.mp4", B.fileType + B.box("moov", B.uint32(0) + Array("trak".utf8) + B.uint32(0) + Array("mdia".utf8))),
        ("zero-loop.mp4", B.fileType + B.box("moov", Array(repeating: B.uint32(0) + Array("free".utf8), count: 1000).flatMap { $0 })),
    ]

    @Test("a clean answer or a failure naming the file, within seconds", arguments: hostile.map(\.name))
    func cleanFailure(name: String) throws {
        let bytes = try #require(Self.hostile.first { $0.name == name }).bytes
        let path = try B.write(bytes, name: name)
        let started = Date()
        let run = try ChildProcess.run(BuiltProducts.footage, ["probe", "--keyframes", "--deadline", "20", path])
        #expect(Date().timeIntervalSince(started) < 20)
        // 0 with a list, or a bad-data failure; never a crashed or timed-out worker (70).
        #expect(run.status == 0 || run.status == 65, "\(run.stderrText)")
        let document = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        if run.status == 0 {
            #expect(document["keyframes"] is [Any])
        } else {
            let message = try #require((document["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains(path))
        }
    }

    @Test("the index worker never has libav mapped")
    func noLibavInTheWorker() throws {
        // A FIFO holds the worker in `open` (the worker alone; footage never passes one), long
        // enough to read its memory map.
        let folder = try ScratchFolder("index-worker-maps")
        let fifo = folder.path("held.mp4")
        #expect(mkfifo(fifo, 0o600) == 0)
        let worker = BuiltProducts.directory.appendingPathComponent("footage-index-worker")
        let process = try ChildProcess.start(worker, [fifo], stdout: folder.url.appendingPathComponent("out"),
                                             stderr: folder.url.appendingPathComponent("err"))
        // SIGKILL: the worker inherits this process's blocked signals, SIGTERM among them.
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        var maps = ""
        var attempts = 0
        while !maps.contains("footage-index-worker") && attempts < 200 {
            maps = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/maps", encoding: .utf8)) ?? ""
            attempts += 1
            usleep(10_000)
        }
        #expect(maps.contains("footage-index-worker"))
        #expect(!maps.contains("libav"))
        #expect(!maps.contains("libsw"))
    }
}
