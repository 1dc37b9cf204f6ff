import FootageModel
import Foundation
@testable import KeyframeListing
import ProbeIsolation
import TestSupport
import Testing

@Suite("keyframes from a scan")
struct ScannedKeyframesTests {
    @Test("a timestamp comes back from its seconds only when no other gives the same seconds")
    func exactTimestamps() {
        let millis = Rational(1, 1000)
        #expect(ScannedKeyframes.exactPTS(MediaTime(pts: 123_456, timeBase: millis).seconds, timeBase: millis) == 123_456)
        let ntsc = Rational(1001, 30_000)
        #expect(ScannedKeyframes.exactPTS(MediaTime(pts: -77, timeBase: ntsc).seconds, timeBase: ntsc) == -77)
        // Seconds that no timestamp of the time base gives.
        #expect(ScannedKeyframes.exactPTS(0.0004, timeBase: millis) == nil)
        // So far out that neighbouring timestamps share one Double.
        let fine = Rational(1, 1_000_000_000)
        #expect(ScannedKeyframes.exactPTS(MediaTime(pts: 1 << 60, timeBase: fine).seconds, timeBase: fine) == nil)
        #expect(ScannedKeyframes.exactPTS(1, timeBase: Rational(0, 1)) == nil)
    }

    @Test("the probe's timeline and a packet listing give the same list", arguments: ["scanned.mkv", "scanned.ts"])
    func timelineAgreesWithPackets(name: String) async throws {
        let source = try Fixtures.make("keyframes-scan-source.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=160x90:r=30000/1001:d=5", "-c:v", "libx264", "-preset", "ultrafast",
            "-bf", "2", "-g", "24", "-keyint_min", "24", "-sc_threshold", "0", "-pix_fmt", "yuv420p",
        ])
        let file = try Fixtures.make(name, ["-i", source.path, "-c", "copy"])
        let pool = ProbeWorkerPool(configuration: .init(executablePath: BuiltProducts.probeWorker.path, maximumWorkers: 1))
        let probed = await pool.run(.probe, path: file.path, forceScan: true)
        let listed = await pool.run(.packets, path: file.path)
        await pool.shutdown()
        guard case .success(.record(let record)) = probed, case .success(.packets(let packets)) = listed else {
            Issue.record("probe: \(probed), packets: \(listed)")
            return
        }
        let fromTimeline = try #require(ScannedKeyframes.fromTimeline(record))
        #expect(fromTimeline == ScannedKeyframes.list(streams: record.streams, packets: packets))
        // 150 frames, a keyframe every 24.
        #expect(fromTimeline.count == 7)
    }
}
