import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// Keyframe listing from the index against ffprobe's keyframe decode, on a long file named by
/// `FOOTAGE_BENCH_FILE` (see `Scripts/bench-keyframes`). Skipped in ordinary test runs.
@Suite struct KeyframeBenchmark {
    static let file = ProcessInfo.processInfo.environment["FOOTAGE_BENCH_FILE"]

    @Test(.enabled(if: file != nil))
    func indexKeyframesAgainstFFprobe() throws {
        let path = try #require(Self.file)
        let clock = ContinuousClock()
        var ours: [MediaTime] = []
        // Best of three, as the page cache is warm for both readers after the first pass.
        var oursTime = Duration.seconds(1_000)
        for _ in 0..<3 {
            oursTime = min(oursTime, try clock.measure {
                let index = try #require(try ContainerIndexReader.read(path: path))
                ours = try #require(index.tracks.first { $0.handler == "vide" }).keyframeTimes
            })
        }
        var theirs: [String] = []
        let theirsTime = try clock.measure {
            theirs = try FFprobeOracle.keyframeTimes(URL(fileURLWithPath: path))
        }
        #expect(ours.sorted().map { String(format: "%.6f", $0.seconds) } == theirs)
        let ratio = oursTime / theirsTime
        let line = "keyframes: \(ours.count); index \(oursTime); ffprobe \(theirsTime); ratio \(String(format: "%.4f", ratio))\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
