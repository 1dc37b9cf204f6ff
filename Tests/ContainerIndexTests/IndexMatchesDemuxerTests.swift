import ContainerIndex
import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// Fixtures whose sample tables exercise what the demuxer does with them.
enum IndexFixture: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case bFrames, quickTime, aacAudio, editList, variableFrameRate, fastStart, negativeCompositionOffsets
    case trimmedEdit, trimmedAudioEdit, pcm16, pcm24, outputOffset

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
        case .negativeCompositionOffsets:
            // Version 1 'ctts' with signed offsets, and no edit list to hide them.
            return try Fixtures.make("index-negcts.mp4", video + x264 + ["-movflags", "+negative_cts_offsets",
                                                                        "-use_editlist", "0"])
        case .trimmedEdit:
            // The video's edit rewritten in place to start mid-GOP (frame 5) and last 1 s: the
            // demuxer decodes from the keyframe before, discards what precedes the edit and
            // drops what follows the next keyframes.
            return try Self.patchedEdit(of: IndexFixture.bFrames.make(), track: 0, name: "index-trimmed.mp4",
                                        duration: 1000, mediaTime: 1024 + 5 * 512)
        case .trimmedAudioEdit:
            // The audio's edit moved to start inside a packet, 0.3 s in, lasting 1.2 s.
            return try Self.patchedEdit(of: IndexFixture.bFrames.make(), track: 1, name: "index-trimmed-audio.mp4",
                                        duration: 1200, mediaTime: 13_330)
        case .pcm16:
            // Uncompressed audio: the demuxer cuts chunks into packets of up to 1024 samples.
            return try Fixtures.make("index-pcm16.mov", video + ["-f", "lavfi", "-i", "sine=f=440:d=3,aformat=channel_layouts=stereo"]
                                     + x264 + ["-c:a", "pcm_s16le"])
        case .pcm24:
            return try Fixtures.make("index-pcm24.mov", ["-f", "lavfi", "-i", "sine=f=440:d=3:sample_rate=48000", "-c:a", "pcm_s24le"])
        case .outputOffset:
            // Both tracks start 10 s late through an empty edit; the last audio packet's duration
            // is then one the demuxer cannot take from the tables and fills in from the frame size.
            return try Fixtures.make("index-output-offset.mp4", video + tone + x264 + ["-c:a", "aac", "-output_ts_offset", "10"])
        case .fastStart:
            return try Fixtures.make("index-faststart.mp4", video + tone + x264 + ["-c:a", "aac", "-movflags", "+faststart"])
        }
    }
}

extension IndexFixture {
    /// A copy of `source` whose `track`-th single-entry version 0 `elst` is rewritten in place.
    static func patchedEdit(of source: URL, track: Int, name: String, duration: UInt32, mediaTime: Int32) throws -> URL {
        let target = Fixtures.directory.appendingPathComponent("patched-\(duration)-\(mediaTime)-\(name)")
        if FileManager.default.fileExists(atPath: target.path) { return target }
        var bytes = [UInt8](try Data(contentsOf: source))
        let marker = Array("elst".utf8)
        var found: [Int] = []
        var i = 0
        while i + 4 <= bytes.count {
            if Array(bytes[i..<i + 4]) == marker { found.append(i) }
            i += 1
        }
        guard track < found.count else { throw FixtureError.failed("\(source.path) has no elst for track \(track)") }
        // type(4) version+flags(4) count(4) then duration(4) media_time(4).
        let entry = found[track] + 12
        bytes.replaceSubrange(entry..<entry + 4, with: CraftedBoxes.uint32(duration))
        bytes.replaceSubrange(entry + 4..<entry + 8, with: CraftedBoxes.uint32(UInt32(bitPattern: mediaTime)))
        // Written aside, then renamed into place, so that tests making it at once both succeed.
        let partial = Fixtures.directory.appendingPathComponent("partial-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: partial)
        guard rename(partial.path, target.path) == 0 else {
            throw FixtureError.failed("rename to \(target.path) failed: errno \(errno)")
        }
        return target
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
            let ours = track.packets.map { p in
                OraclePacket(pts: p.pts, dts: p.dts, duration: p.duration, size: p.size, position: p.position,
                             isKeyframe: p.isKeyframe, isDiscarded: p.isDiscarded)
            }
            #expect(ours.count == expected.count, "stream \(track.streamIndex) packet count")
            let firstDifference = zip(ours, expected).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(firstDifference == nil,
                    "stream \(track.streamIndex) packet \(firstDifference?.offset ?? -1): ours \(firstDifference.map { "\($0.element.0)" } ?? "") ffprobe \(firstDifference.map { "\($0.element.1)" } ?? "")")
        }
    }
}

@Suite struct KeyframeTimesTests {
    @Test(arguments: IndexFixture.allCases.filter { ![.aacAudio, .pcm24].contains($0) })
    func keyframeTimesMatchDecodedKeyframes(_ fixture: IndexFixture) throws {
        let url = try fixture.make()
        let index = try #require(try ContainerIndexReader.read(path: url.path))
        let video = try #require(index.tracks.first { $0.handler == "vide" })
        let ours = video.keyframeTimes.sorted().map { String(format: "%.6f", $0.seconds) }
        let decoded = try FFprobeOracle.keyframeTimes(url)
        #expect(!ours.isEmpty)
        #expect(ours == decoded)
    }

    @Test func keyframesFollowTheGOPTheEncoderWasGiven() throws {
        // 3 s at 25 fps with a keyframe at most every 12 frames: at least 7 keyframes, the first at 0.
        let index = try #require(try ContainerIndexReader.read(path: IndexFixture.bFrames.make().path))
        let video = try #require(index.tracks.first)
        #expect(video.handler == "vide")
        #expect(video.timeBase == Rational(1, 12800))
        #expect(video.packets.count == 75)
        let times = video.keyframeTimes
        #expect(times.first?.pts == 0)
        #expect(times.count >= 7)
        #expect(zip(times, times.dropFirst()).allSatisfy { $1.pts - $0.pts <= 12 * 512 })
    }
}
