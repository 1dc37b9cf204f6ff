import CFFmpeg
import Foundation
import FootageModel
@testable import MediaAnalysis
import TestSupport
import Testing

/// Long MP4 clips made to be split: several shots, keyframes every 30 frames, 12 s at 25 fps.
enum SplitFixtures {
    private static let shots = [
        "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=4",
        "-f", "lavfi", "-i", "smptebars=s=320x240:r=25:d=4",
        "-f", "lavfi", "-i", "color=c=0x606878:s=320x240:r=25:d=4,noise=alls=25:allf=t+u",
        "-f", "lavfi", "-i", "sine=f=440:d=12",
        "-filter_complex", "[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[2:v]format=yuv420p[c];[a][b][c]concat=n=3:v=1:a=0[v]",
        "-map", "[v]", "-map", "3:a", "-c:a", "aac", "-pix_fmt", "yuv420p",
    ]

    /// B-frames and closed GOPs, as x264 makes them by default.
    static func withBFrames() throws -> URL {
        try Fixtures.make("split-bframes.mp4", shots + ["-c:v", "libx264", "-preset", "veryfast", "-g", "30"])
    }

    /// Open GOPs: pictures after a keyframe in decode order that are shown before it and refer
    /// to the GOP before.
    static func openGOP() throws -> URL {
        try Fixtures.make("split-open-gop.mp4", shots + [
            "-c:v", "libx264", "-preset", "veryfast", "-x264-params", "open_gop=1:keyint=30:min-keyint=30:scenecut=0",
        ])
    }

    /// HEVC as x265 makes it: B-frames and open GOPs (CRA keyframes whose leading pictures are
    /// skipped by a decoder that starts there).
    static func hevc() throws -> URL {
        try Fixtures.make("split-hevc.mp4", shots + [
            "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "keyint=30:min-keyint=30:log-level=error",
            "-tag:v", "hvc1",
        ])
    }

    /// The B-frame clip with its index in front, cut off at 60 % of its bytes: the index lists
    /// samples the file no longer holds.
    static func cutShort() throws -> URL {
        let whole = try Fixtures.make("split-faststart.mp4", ["-i", try withBFrames().path, "-c", "copy", "-movflags", "+faststart"])
        let cut = Fixtures.directory.appendingPathComponent("split-cut-short.mp4")
        if !FileManager.default.fileExists(atPath: cut.path) {
            let bytes = try Data(contentsOf: whole)
            let partial = Fixtures.directory.appendingPathComponent("partial-\(UUID().uuidString)-split-cut-short.mp4")
            try bytes.prefix(bytes.count * 6 / 10).write(to: partial)
            _ = rename(partial.path, cut.path)
        }
        return cut
    }

    /// The fixture a parameterised test names.
    static func named(_ name: String) throws -> URL {
        switch name {
        case "bframes": try withBFrames()
        case "open-gop": try openGOP()
        case "hevc": try hevc()
        default: try allPFrames()
        }
    }

    /// Every frame a reference and no B-frames.
    static func allPFrames() throws -> URL {
        try Fixtures.make("split-ultrafast.mp4", shots + ["-c:v", "libx264", "-preset", "ultrafast", "-g", "30"])
    }
}

@Suite struct VideoSplitTests {
    private func options(split: Bool) -> ClipAnalyzer.Options {
        var options = ClipAnalyzer.Options()
        options.splitsVideo = split
        return options
    }

    @Test(arguments: ["bframes", "open-gop", "ultrafast", "hevc"])
    func stretchesGiveWhatOneDecodeGives(fixture: String) throws {
        let url = try SplitFixtures.named(fixture)
        let whole = try ClipAnalyzer.analyze(path: url.path, options: options(split: false))
        let split = try ClipAnalyzer.analyze(path: url.path, options: options(split: true))
        #expect(whole.video?.frameCount == 300)
        #expect(split.video == whole.video)
        #expect(split.durationMs == whole.durationMs)
        #expect(split.audio == whole.audio)
        // The shots change at 4 and 8 s.
        #expect(split.video?.cuts.map(\.playerMs) == [4000, 8000])
    }

    @Test(arguments: ["bframes", "open-gop", "ultrafast", "hevc"])
    func theStretchesAreReallyUsed(fixture: String) throws {
        let url = try SplitFixtures.named(fixture)
        let input = try MediaInput(path: url.path)
        let stream = try #require(input.bestStream(AVMEDIA_TYPE_VIDEO))
        let stretches = try #require(VideoSplit.plan(stream, parts: 2))
        #expect(stretches.count == 2)
        #expect(stretches.first?.start == nil && stretches.last?.end == nil)
        let split = try #require(VideoSplit.start(input, stream: stream, options: options(split: true)))
        let frames = try #require(split.frames(), "a stretch fell back to one decode")
        #expect(frames.count == 300)
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.pts < $1.pts })
    }

    @Test func aFileCutShortGivesWhatOneDecodeGives() throws {
        let url = try SplitFixtures.cutShort()
        let whole = try ClipAnalyzer.analyze(path: url.path, options: options(split: false))
        let split = try ClipAnalyzer.analyze(path: url.path, options: options(split: true))
        let frames = try #require(whole.video?.frameCount)
        #expect(frames > 0 && frames < 300, "the cut file still shows \(frames) frames")
        #expect(split.video == whole.video)
        #expect(split.durationMs == whole.durationMs)
    }

    @Test func aClipWhosePlanesExceedTheBudgetIsNotSplit() throws {
        let input = try MediaInput(path: try SplitFixtures.withBFrames().path)
        let stream = try #require(input.bestStream(AVMEDIA_TYPE_VIDEO))
        // 300 frames of 64 × 48 planes: about 0.9 MB.
        #expect(VideoSplit.fitsBudget(stream, planeWidth: 64))
        #expect(!VideoSplit.fitsBudget(stream, planeWidth: 64, budget: 500_000))
    }

    @Test func aShortClipIsNotSplit() throws {
        let input = try MediaInput(path: try AnalysisFixtures.fourShots().path)
        let stream = try #require(input.bestStream(AVMEDIA_TYPE_VIDEO))
        #expect(VideoSplit.plan(stream, parts: 2) == nil)
    }

    @Test func otherContainersAreNotSplit() throws {
        let url = try Fixtures.make("split-bframes.mkv", ["-i", try SplitFixtures.withBFrames().path, "-c", "copy"])
        let input = try MediaInput(path: url.path)
        let stream = try #require(input.bestStream(AVMEDIA_TYPE_VIDEO))
        #expect(VideoSplit.start(input, stream: stream, options: options(split: true)) == nil)
    }
}
