import ContainerIndex
import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

@Suite struct MatroskaCuesTests {
    static let source = ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-f", "lavfi", "-i", "sine=f=440:d=3",
                         "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-bf", "2", "-g", "12",
                         "-c:a", "aac"]

    @Test func cueTimesAreTheDecodedKeyframeTimes() throws {
        let url = try Fixtures.make("cues.mkv", Self.source)
        let cues = try #require(try MatroskaCueReader.read(path: url.path))
        #expect(cues.timeBase == Rational(1, 1000))
        #expect(cues.tracks.map(\.trackType) == [1, 2])
        let ours = cues.keyframeTimes(streamIndex: 0).map { String(format: "%.6f", $0.seconds) }
        #expect(ours.count == 7)
        #expect(ours == (try FFprobeOracle.keyframeTimes(url)))
    }

    @Test func webmCuesMatchToo() throws {
        let url = try FixtureCatalogue.vp9OpusWebM()
        let cues = try #require(try MatroskaCueReader.read(path: url.path))
        // The VP9 decoder ignores -skip_frame, so the oracle here is the demuxer's key packets.
        let keyPackets = try #require(try FFprobeOracle.packets(url)[0]).filter(\.isKeyframe).compactMap(\.pts)
        #expect(!keyPackets.isEmpty)
        #expect(cues.keyframeTimes(streamIndex: 0).map(\.pts) == keyPackets)
    }

    @Test func liveWrittenFileHasNoCues() throws {
        let url = try Fixtures.make("nocues.mkv", Self.source + ["-live", "1"])
        #expect(try MatroskaCueReader.read(path: url.path) == nil)
    }

    @Test func otherContainersAreNotMatroska() throws {
        #expect(try MatroskaCueReader.read(path: IndexFixture.bFrames.make().path) == nil)
    }

    @Test func elementLargerThanItsParentIsMalformed() throws {
        // EBML header claiming 0x7F bytes in a 10-byte file.
        let path = try CraftedBoxes.write([0x1A, 0x45, 0xDF, 0xA3, 0xFF, 0x42, 0x82, 0x81, 0x77, 0x00], name: "ebml.mkv")
        #expect(throws: ContainerIndexError.self) { try MatroskaCueReader.read(path: path) }
    }

    @Test func corruptedHeadersAndCuesNeverTrap() throws {
        let source = [UInt8](try Data(contentsOf: Fixtures.make("cues.mkv", Self.source)))
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutated-\(UUID().uuidString).mkv").path
        var finished = 0
        for round in 0..<300 {
            var bytes = source
            for _ in 0..<(1 + Int(next() % 3)) {
                // The head (EBML header, SeekHead, Info, Tracks) and the tail (Cues).
                let span = UInt64(min(2048, bytes.count))
                let at = round % 2 == 0 ? Int(next() % span) : bytes.count - 1 - Int(next() % span)
                let choices: [UInt8] = [0xFF, 0x00, 0x01, 0x7F, 0x80, UInt8(truncatingIfNeeded: next())]
                bytes[at] = choices[Int(next() % UInt64(choices.count))]
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            _ = try? MatroskaCueReader.read(path: path)
            finished += 1
        }
        #expect(finished == 300)
    }
}
