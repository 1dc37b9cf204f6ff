import Foundation
import FootageModel
import MediaAnalysis
import TestSupport
import Testing

/// Clips in the codecs and containers where "the frame at T" goes wrong most easily.
enum FrameFixtures {
    static let pattern = ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=8"]

    static func h264BFrames() throws -> URL {
        try Fixtures.make("frames-h264-bframes.mp4", pattern + ["-c:v", "libx264", "-preset", "veryfast", "-bf", "3", "-g", "50", "-pix_fmt", "yuv420p"])
    }

    static func vp9() throws -> URL {
        try Fixtures.make("frames-vp9.webm", pattern + ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g", "40", "-b:v", "300k"])
    }

    static func hevcOpenGOP() throws -> URL {
        try Fixtures.make("frames-hevc.mkv", pattern + ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "keyint=40:min-keyint=40:open-gop=1:bframes=3:log-level=error", "-pix_fmt", "yuv420p"])
    }

    /// 10-bit HEVC, as phones record HDR video: the decoder gives 10-bit planes, which the
    /// conversion to rgb24 must bring down to 8 bits exactly as the `ffmpeg` command does.
    static func hevc10Bit() throws -> URL {
        try Fixtures.make("frames-hevc-10bit.mkv", pattern + ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "keyint=40:bframes=2:log-level=error", "-pix_fmt", "yuv420p10le"])
    }

    /// Tagged BT.709, as most HD footage is: the colours come from that matrix, not BT.601.
    static func bt709() throws -> URL {
        try Fixtures.make("frames-bt709.mp4", pattern + ["-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", "50", "-pix_fmt", "yuv420p",
                                                         "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709"])
    }

    /// BT.709 in full range (0–255 luma), as some phones record it.
    static func bt709FullRange() throws -> URL {
        try Fixtures.make("frames-bt709-full.mp4", pattern + ["-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-pix_fmt", "yuv420p",
                                                              "-color_range", "pc", "-colorspace", "bt709"])
    }

    /// 10-bit HEVC tagged BT.2020 with the HLG transfer, as phones record HDR video.
    static func hlg10Bit() throws -> URL {
        try Fixtures.make("frames-hlg.mp4", pattern + ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "keyint=40:log-level=error", "-pix_fmt", "yuv420p10le",
                                                       "-colorspace", "bt2020nc", "-color_primaries", "bt2020", "-color_trc", "arib-std-b67"])
    }

    /// ProRes 4:2:2 at 10 bits, as editing software exports it: every frame a keyframe.
    static func proRes422() throws -> URL {
        try Fixtures.make("frames-prores.mov", pattern + ["-c:v", "prores_ks", "-profile:v", "2", "-pix_fmt", "yuv422p10le"])
    }

    /// MPEG-2 in a transport stream: open GOPs (B-frames before each I-frame refer to the GOP
    /// before) and a non-zero start time.
    static func mpeg2TransportStream() throws -> URL {
        try Fixtures.make("frames-mpeg2.ts", pattern + ["-c:v", "mpeg2video", "-g", "12", "-bf", "2", "-q:v", "4"])
    }

    /// Variable frame rate: frames dropped in an irregular pattern.
    static func variableFrameRate() throws -> URL {
        try variableFrameRate(named: "frames-vfr.mp4", bFrames: 2)
    }

    /// Variable frame rate without B-frames, where frames come out in decode order and the grabber
    /// may stop at the frame on screen from the next packet's time alone; in Matroska too, where
    /// a frame's duration is the track's default and says nothing of the gap to the next frame.
    static func variableFrameRateInDecodeOrder(container: String) throws -> URL {
        try variableFrameRate(named: "frames-vfr-no-b.\(container)", bFrames: 0)
    }

    private static func variableFrameRate(named name: String, bFrames: Int) throws -> URL {
        try Fixtures.make(name, ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=30:d=8",
                                 "-vf", "select='not(eq(mod(n\\,5)\\,1))*not(eq(mod(n\\,7)\\,3))'", "-fps_mode", "vfr",
                                 "-c:v", "libx264", "-preset", "veryfast", "-bf", String(bFrames), "-g", "45", "-pix_fmt", "yuv420p"])
    }

    /// H.264 in a transport stream cut in the middle of a GOP, as a recording joined late is:
    /// the first packets cannot be decoded, so player time 0 (the first frame a full decode
    /// shows) comes well after the first timestamp the demuxer gives.
    static func cutMidGOP() throws -> URL {
        let whole = try Fixtures.make("frames-h264-whole.ts", pattern + ["-c:v", "libx264", "-preset", "veryfast", "-bf", "2",
                                                                       "-g", "50", "-pix_fmt", "yuv420p", "-f", "mpegts"])
        let cut = whole.deletingLastPathComponent().appendingPathComponent("cut-" + whole.lastPathComponent)
        if !FileManager.default.fileExists(atPath: cut.path) {
            // 200 transport packets of 188 bytes in: part-way through the first GOP.
            let bytes = try Data(contentsOf: whole)
            let partial = cut.deletingLastPathComponent().appendingPathComponent("partial-\(UUID().uuidString).ts")
            try bytes.dropFirst(188 * 200).write(to: partial)
            try FileManager.default.moveItem(at: partial, to: cut)
        }
        return cut
    }

    /// An MP4 trimmed without re-encoding, as editors and phones trim: the edit list starts at
    /// 1.3 s, between keyframes, so the frames from the keyframe before it are decoded but never
    /// shown, and player time 0 is the first frame inside the edit.
    static func trimmedByEditList() throws -> URL {
        try Fixtures.make("frames-trimmed.mp4", ["-ss", "1.3", "-i", try h264BFrames().path, "-c", "copy"])
    }

    /// An MP4 whose timestamps start at 10 s.
    static func nonZeroStart() throws -> URL {
        try Fixtures.make("frames-offset.mp4", pattern + ["-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", "50", "-pix_fmt", "yuv420p", "-output_ts_offset", "10"])
    }
}

/// Player times on frame boundaries and inside display intervals, spread over the clip.
func probeTimes(_ truth: GroundTruth.VideoFrames) -> [Int64] {
    let count = truth.pts.count
    let picks = [0, 1, count / 7, count / 3, count / 2, count / 2 + 1, (2 * count) / 3, count - 2, count - 1]
    var times: [Int64] = []
    for index in picks where index >= 0 && index < count {
        times.append(truth.playerMsCeiling(index))
        if index + 1 < count {
            // Halfway into the frame's display interval.
            times.append((truth.playerMsCeiling(index) + truth.playerMsCeiling(index + 1)) / 2)
        }
    }
    return times
}

/// What a full decode shows at a clip's probe times: the frame index and its pixels' SHA-256.
struct FullDecodeAtProbeTimes {
    let truth: GroundTruth.VideoFrames
    let times: [Int64]
    let expectedIndex: [Int]
    let hashes: [Int: String]

    init(_ url: URL) throws {
        truth = try GroundTruth.videoFrames(url)
        try #require(truth.pts.count > 10)
        times = probeTimes(truth)
        expectedIndex = times.map(truth.index(atPlayerMs:))
        hashes = try GroundTruth.rgbSHA256(url, indices: expectedIndex, width: truth.width, height: truth.height)
    }
}

func expectFramesMatchFullDecode(_ url: URL) throws {
    let full = try FullDecodeAtProbeTimes(url)
    let (truth, times, expectedIndex, hashes) = (full.truth, full.times, full.expectedIndex, full.hashes)

    // All times with one grabber, forward, then each again on its own in reverse order (seeks back).
    let grabber = try FrameGrabber(path: url.path, options: .init(hashPixels: true))
    #expect(grabber.origin.pts == truth.pts[0])
    let together = try grabber.frames(atPlayerMs: times)
    var alone: [GrabbedFrame] = []
    for ms in times.reversed() { alone.insert(try grabber.frame(atPlayerMs: ms), at: 0) }
    for (position, ms) in times.enumerated() {
        let index = expectedIndex[position]
        for frame in [together[position], alone[position]] {
            #expect(frame.time.pts == truth.pts[index], "\(url.lastPathComponent) at \(ms) ms: pts")
            #expect(frame.rgbSHA256 == hashes[index], "\(url.lastPathComponent) at \(ms) ms: pixels of frame \(index)")
        }
        #expect(try grabber.frameIndex(of: together[position]) == index)
    }
}

@Test func frameAtTimeMatchesFullDecodeOnH264WithBFrames() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.h264BFrames())
}

@Test func frameAtTimeMatchesFullDecodeOnVP9() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.vp9())
}

@Test func frameAtTimeMatchesFullDecodeOnHEVCWithOpenGOPs() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.hevcOpenGOP())
}

@Test func frameAtTimeMatchesFullDecodeOn10BitHEVC() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.hevc10Bit())
}

@Test func frameAtTimeMatchesFullDecodeOnProRes422At10Bits() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.proRes422())
}

@Test func frameAtTimeMatchesFullDecodeOnAClipTrimmedByAnEditList() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.trimmedByEditList())
}

@Test func frameAtTimeMatchesFullDecodeInBT709() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.bt709())
}

@Test func frameAtTimeMatchesFullDecodeInFullRangeBT709() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.bt709FullRange())
}

@Test func frameAtTimeMatchesFullDecodeOn10BitHLG() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.hlg10Bit())
}

@Test func frameAtTimeMatchesFullDecodeOnMPEG2TransportStream() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.mpeg2TransportStream())
}

@Test func frameAtTimeMatchesFullDecodeOnVariableFrameRate() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.variableFrameRate())
}

@Test(arguments: ["mp4", "mkv"])
func frameAtTimeMatchesFullDecodeOnVariableFrameRateInDecodeOrder(_ container: String) throws {
    try expectFramesMatchFullDecode(try FrameFixtures.variableFrameRateInDecodeOrder(container: container))
}

@Test func frameAtTimeMatchesFullDecodeWithNonZeroStartTime() throws {
    try expectFramesMatchFullDecode(try FrameFixtures.nonZeroStart())
}

@Test func aTimeInsideAFrameGivesThatFrameNotTheNext() throws {
    // At 25 fps frame 137 is on screen from 5.480 s to 5.520 s; `ffmpeg -ss 5.5` would give 138.
    let grabber = try FrameGrabber(path: try Fixtures.standIn().path)
    let frame = try grabber.frame(atPlayerMs: 5500)
    #expect(frame.playerMs == 5480)
    #expect(try grabber.frameIndex(of: frame) == 137)
}

@Test func aTimeAfterTheLastFrameIsOutOfRange() throws {
    let grabber = try FrameGrabber(path: try Fixtures.standIn().path)
    #expect { try grabber.frame(atPlayerMs: 12_000) } throws: { ($0 as? AnalysisError)?.reason == .outOfRange }
    #expect(try grabber.frame(atPlayerMs: 8990).playerMs == 8960)
}

@Test func aMissingFileNamesItself() {
    #expect {
        try FrameGrabber(path: "/nonexistent/clip.mp4")
    } throws: { error in
        guard let error = error as? AnalysisError else { return false }
        return error.reason == .missing && error.description.contains("/nonexistent/clip.mp4")
    }
}

@Test func keyframeSnapGivesAKeyframeAtOrBeforeTheTime() throws {
    let grabber = try FrameGrabber(path: try FrameFixtures.h264BFrames().path, options: .init(width: 160))
    let frame = try grabber.keyframe(atOrBeforePlayerMs: 5500)
    #expect(frame.isKeyframe)
    #expect(frame.playerMs == 4000)
    #expect(frame.image.width == 160 && frame.image.height == 120)
}

@Test func aWindowGivesEveryFrameInItInOrder() throws {
    let grabber = try FrameGrabber(path: try FrameFixtures.h264BFrames().path)
    let frames = try grabber.frames(fromPlayerMs: 5300, throughPlayerMs: 5500)
    // 25 fps: the frame on screen at 5.300 s, then every frame up to 5.480 s.
    #expect(frames.map(\.playerMs) == [5280, 5320, 5360, 5400, 5440, 5480])
}

@Test func keyframesAreTheOnesTheContainerMarks() throws {
    let url = try FrameFixtures.h264BFrames()
    let grabber = try FrameGrabber(path: url.path)
    // Made with a keyframe every 50 frames at 25 fps over 8 s.
    #expect(try grabber.keyframePTS().map(grabber.playerMs) == [0, 2000, 4000, 6000])
    let frame = try grabber.frame(atPTS: try grabber.keyframePTS()[2])
    #expect(frame.isKeyframe && frame.pictureType == "I" && frame.playerMs == 4000)
}

@Test func framesTakenBeforePlayerTimeZeroIsKnownAreExactWhenItsEstimateIsWrong() throws {
    // The grabber starts from the first packet's timestamp while it looks for the first
    // decodable frame; here they differ, so `take` must notice and take the frames again.
    let url = try FrameFixtures.cutMidGOP()
    let full = try FullDecodeAtProbeTimes(url)
    let (truth, times, expectedIndex, hashes) = (full.truth, full.times, full.expectedIndex, full.hashes)
    let grabber = try FrameGrabber(path: url.path, options: .init(hashPixels: true))
    let taken = try grabber.take(.at(times))
    #expect(grabber.origin.pts == truth.pts[0])
    #expect(taken.map(\.requestedMs) == times)
    for (position, frame) in taken.enumerated() {
        let index = expectedIndex[position]
        #expect(frame.frame.time.pts == truth.pts[index], "at \(times[position]) ms: pts")
        #expect(frame.frame.rgbSHA256 == hashes[index], "at \(times[position]) ms: pixels of frame \(index)")
        #expect(frame.frame.playerMs == (truth.pts[index] - truth.pts[0]) * 1000 * truth.timeBase.numerator / truth.timeBase.denominator)
    }
}
