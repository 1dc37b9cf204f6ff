import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// Fixtures whose sample tables exercise what the demuxer does with them.
enum IndexFixture: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case bFrames, quickTime, aacAudio, editList, variableFrameRate, fastStart

    var testDescription: String { rawValue }

    func make() throws -> URL {
        let video = ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3"]
        let tone = ["-f", "lavfi", "-i", "sine=f=440:d=3"]
        let x264 = ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-bf", "2", "-g", "12"]
        switch self {
        case .bFrames:
            return try Fixtures.make("index-bframes.mp4", video + tone + x264 + ["-c:a", "aac"])
        case .quickTime:
            return try Fixtures.make("index-quicktime.mov", video + tone + x264 + ["-c:a", "aac"])
        case .aacAudio:
            return try Fixtures.make("index-aac.m4a", tone + ["-c:a", "aac", "-b:a", "96k"])
        case .editList:
            // Delaying the video makes the muxer write an empty edit before it.
            return try Fixtures.make("index-editlist.mp4", ["-itsoffset", "0.5"] + video + tone
                                     + ["-fps_mode", "passthrough"] + x264 + ["-c:a", "aac"])
        case .variableFrameRate:
            // Every frame for the first second, then every third: 25 fps, then 8.33 fps.
            return try Fixtures.make("index-vfr.mp4", video + ["-vf", "select='lt(n\\,25)+not(mod(n\\,3))'",
                                                              "-fps_mode", "vfr"] + x264)
        case .fastStart:
            return try Fixtures.make("index-faststart.mp4", video + tone + x264 + ["-c:a", "aac", "-movflags", "+faststart"])
        }
    }
}

@Suite struct IndexMatchesDemuxerTests {
    @Test(arguments: IndexFixture.allCases)
    func packetsMatchFFprobe(_ fixture: IndexFixture) throws {
        let url = try fixture.make()
        let index = try #require(try ContainerIndexReader.read(path: url.path))
        #expect(index.isComplete, "\(index.incompleteReason ?? "")")
        let oracle = try FFprobeOracle.packets(url)
        #expect(index.tracks.map(\.streamIndex) == oracle.keys.sorted())
        for track in index.tracks {
            let expected = oracle[track.streamIndex] ?? []
            let discarded = Set(track.discardedPackets)
            let ours = track.packets.enumerated().map { i, p in
                OraclePacket(pts: p.pts, dts: p.dts, duration: p.duration, size: p.size, position: p.position,
                             isKeyframe: p.isKeyframe, isDiscarded: discarded.contains(i))
            }
            #expect(ours.count == expected.count, "stream \(track.streamIndex) packet count")
            let firstDifference = zip(ours, expected).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(firstDifference == nil,
                    "stream \(track.streamIndex) packet \(firstDifference?.offset ?? -1): ours \(firstDifference.map { "\($0.element.0)" } ?? "") ffprobe \(firstDifference.map { "\($0.element.1)" } ?? "")")
        }
    }
}
