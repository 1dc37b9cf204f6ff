import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// Probe cost per small clip against `ffprobe -show_format -show_streams` per clip, in CPU time.
/// Run on demand: `FOOTAGE_BENCH=1 swift test --skip-build --filter ProbeCostTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["FOOTAGE_BENCH"] != nil))
struct ProbeCostTests {
    static func cpuSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func smallClips() throws -> [URL] {
        let kinds: [(String, [String])] = [
            ("small.mp4", ["-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"]),
            ("small.mkv", ["-c:v", "libx264", "-preset", "ultrafast", "-c:a", "libopus"]),
            ("small.ts", ["-c:v", "libx264", "-preset", "ultrafast", "-c:a", "mp2"]),
            ("small.webm", ["-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libopus"]),
            ("small.avi", ["-c:v", "mpeg4", "-c:a", "pcm_s16le"]),
        ]
        return try kinds.map { name, codecs in
            try Fixtures.make(name, ["-f", "lavfi", "-i", "testsrc2=s=64x64:r=25:d=0.5",
                                     "-f", "lavfi", "-i", "sine=d=0.5"] + codecs)
        }
    }

    @Test func probingSmallClipsCostsAFractionOfFFprobe() throws {
        let clips = try Self.smallClips()
        let rounds = 40
        let before = Self.cpuSeconds(RUSAGE_SELF)
        for _ in 0..<rounds { for clip in clips { _ = try Prober.probe(path: clip.path) } }
        let ours = (Self.cpuSeconds(RUSAGE_SELF) - before) / Double(rounds * clips.count)

        let childBefore = Self.cpuSeconds(RUSAGE_CHILDREN)
        let peerRounds = 4
        for _ in 0..<peerRounds {
            for clip in clips {
                try Fixtures.run("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-of", "json", clip.path])
            }
        }
        let peer = (Self.cpuSeconds(RUSAGE_CHILDREN) - childBefore) / Double(peerRounds * clips.count)
        FileHandle.standardError.write(Data("probe cpu per clip: ours \(ours * 1000) ms, ffprobe \(peer * 1000) ms, ratio \(ours / peer)\n".utf8))
        #expect(ours / peer <= 0.05)
    }

    @Test func probingALargeClipAgainstFFprobe() throws {
        let clip = try Fixtures.make("large-1080p.mp4", ["-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=20",
                                                         "-f", "lavfi", "-i", "sine=d=20",
                                                         "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"])
        for (name, path) in [("mp4", clip.path)] {
            let rounds = 5
            let before = Self.cpuSeconds(RUSAGE_SELF)
            var started = ContinuousClock.now
            for _ in 0..<rounds { _ = try Prober.probe(path: path) }
            let ours = (Self.cpuSeconds(RUSAGE_SELF) - before) / Double(rounds)
            let oursWall = (ContinuousClock.now - started) / rounds
            let childBefore = Self.cpuSeconds(RUSAGE_CHILDREN)
            started = ContinuousClock.now
            for _ in 0..<rounds {
                try Fixtures.run("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-of", "json", path])
            }
            let peer = (Self.cpuSeconds(RUSAGE_CHILDREN) - childBefore) / Double(rounds)
            let peerWall = (ContinuousClock.now - started) / rounds
            FileHandle.standardError.write(Data("large \(name): cpu ours \(ours * 1000) ms, ffprobe \(peer * 1000) ms; wall ours \(oursWall), ffprobe \(peerWall)\n".utf8))
        }
    }

    @Test func listingPacketsOfALargeClipAgainstFFprobe() throws {
        let clip = try Fixtures.make("large-1080p.mp4", ["-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=20",
                                                         "-f", "lavfi", "-i", "sine=d=20",
                                                         "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"])
        let rounds = 3
        let before = Self.cpuSeconds(RUSAGE_SELF)
        var listed = 0
        var encoded = 0
        for _ in 0..<rounds {
            let packets = try Prober.packets(path: clip.path)
            listed = packets.count
            encoded = try JSONEncoder().encode(["packets": packets]).count
        }
        let ours = (Self.cpuSeconds(RUSAGE_SELF) - before) / Double(rounds)
        let childBefore = Self.cpuSeconds(RUSAGE_CHILDREN)
        for _ in 0..<rounds {
            try Fixtures.run("ffprobe", ["-v", "error", "-show_packets", "-of", "json", clip.path])
        }
        let peer = (Self.cpuSeconds(RUSAGE_CHILDREN) - childBefore) / Double(rounds)
        FileHandle.standardError.write(Data("packets of large mp4 (\(listed) packets, \(encoded) bytes of JSON): cpu ours \(ours * 1000) ms, ffprobe \(peer * 1000) ms\n".utf8))
    }
}
