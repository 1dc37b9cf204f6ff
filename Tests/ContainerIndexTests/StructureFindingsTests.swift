import ContainerIndex
import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

@Suite struct StructureFindingsTests {
    let video = ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=4", "-f", "lavfi", "-i", "sine=f=440:d=4",
                 "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "25", "-c:a", "aac"]

    @Test func fragmentedFileHasNoCompleteIndex() throws {
        let url = try Fixtures.make("index-fragmented.mp4", video + ["-movflags", "frag_keyframe+empty_moov"])
        let index = try #require(try ContainerIndexReader.read(path: url.path))
        #expect(index.isFragmented)
        #expect(!index.isComplete)
        #expect(index.incompleteReason?.contains("fragmented") == true)
        #expect(index.topLevelBoxes.contains { $0.type == "moof" })
        #expect(index.truncation == nil)
    }

    @Test func fileCutBeforeItsMovieBoxIsTruncated() throws {
        // Without faststart the muxer writes 'moov' last, so the first half holds only media data.
        let full = try Fixtures.make("index-moovlast.mp4", video)
        let half = try cut(full, fraction: 0.5, name: "moovlast-half.mp4")
        let index = try #require(try ContainerIndexReader.read(path: half.path))
        let truncation = try #require(index.truncation)
        #expect(truncation.kind == .movieBoxMissing)
        #expect(truncation.fileSize == Int64(try size(half)))
        #expect(truncation.declaredEnd > truncation.fileSize)
        #expect(index.tracks.isEmpty)
        #expect(!index.isComplete)
        #expect(index.topLevelBoxes.map(\.type).contains("mdat"))
    }

    @Test func faststartFileCutInHalfReportsTheMissingSamples() throws {
        let full = try Fixtures.make("index-faststart-cut.mp4", video + ["-movflags", "+faststart"])
        let half = try cut(full, fraction: 0.5, name: "faststart-half.mp4")
        let cutSize = Int64(try size(half))
        let index = try #require(try ContainerIndexReader.read(path: half.path))
        let truncation = try #require(index.truncation)
        #expect(truncation.kind == .samplesPastEnd)
        #expect(!index.isComplete)

        // The oracle: the complete file's packets whose bytes end past the cut.
        let oracle = try FFprobeOracle.packets(full)
        for (stream, packets) in oracle {
            let lost = packets.filter { ($0.position ?? 0) + Int64($0.size) > cutSize }
            let reported = truncation.missing.first { $0.streamIndex == stream }
            #expect(reported?.count == lost.count, "stream \(stream)")
            let track = try #require(index.tracks.first { $0.streamIndex == stream })
            let earliest = lost.compactMap(\.pts).min()
            #expect(reported?.from == earliest.map { MediaTime(pts: $0, timeBase: track.timeBase) })
        }
        #expect(truncation.missing.allSatisfy { $0.count > 0 })
        #expect(truncation.summary.contains("samples missing from"))
    }

    @Test func appendedC2PABoxIsDetected() throws {
        let source = try IndexFixture.bFrames.make()
        let userType: [UInt8] = [0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C,
                                 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81]
        let manifest = Array("c2pa manifest store stand-in".utf8)
        let uuidBox = CraftedBoxes.uint32(UInt32(24 + manifest.count)) + Array("uuid".utf8) + userType + manifest
        let path = try CraftedBoxes.write(Array(try Data(contentsOf: source)) + uuidBox, name: "c2pa.mp4")
        let index = try #require(try ContainerIndexReader.read(path: path))
        #expect(index.hasC2PAManifest)
        #expect(index.topLevelBoxes.last?.userType == "D8FEC3D6-1B0E-483C-9297-5828877EC481")
        #expect(index.isComplete)

        let plain = try #require(try ContainerIndexReader.read(path: source.path))
        #expect(!plain.hasC2PAManifest)
        #expect(plain.topLevelBoxes.map(\.type).starts(with: ["ftyp"]))
    }

    @Test func otherUUIDBoxIsNotTakenForC2PA() throws {
        let other = CraftedBoxes.uint32(24) + Array("uuid".utf8) + [UInt8](repeating: 0xAB, count: 16)
        let path = try CraftedBoxes.write(CraftedBoxes.fileType + other, name: "uuid.mp4")
        let index = try #require(try ContainerIndexReader.read(path: path))
        #expect(!index.hasC2PAManifest)
        #expect(index.topLevelBoxes.map(\.type) == ["ftyp", "uuid"])
        #expect(index.truncation?.kind == .movieBoxMissing)
    }

    @Test func textChapterTrackHasNoPackets() throws {
        // The muxer writes chapters as a text track that the video names in 'tref'/'chap'; the
        // demuxer turns it into chapters and returns none of its packets, and so does the index.
        let chapters = Fixtures.directory.appendingPathComponent("two-chapters.ffmetadata")
        try Data(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=one\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1000\nEND=2000\ntitle=two\n".utf8)
            .write(to: chapters)
        let url = try Fixtures.make("index-chapters.mov", ["-f", "lavfi", "-i", "testsrc2=s=160x120:r=25:d=2",
                                                           "-i", chapters.path, "-map", "0", "-map_chapters", "1",
                                                           "-c:v", "libx264", "-preset", "veryfast"])
        let index = try #require(try ContainerIndexReader.read(path: url.path))
        #expect(index.tracks.count == 2)
        #expect(index.tracks[1].handler == "text")
        #expect(index.tracks[1].packets.isEmpty)
        #expect(index.tracks[0].packets.count == 50)
        #expect(index.isComplete)
        let fromIndex = try #require(try Prober.probe(path: url.path).timeline)
        let fromScan = try #require(try Prober.probe(path: url.path, forceScan: true).timeline)
        #expect(fromIndex.source == .containerIndex)
        #expect(!fromScan.warnings.contains { $0.kind == .indexDisagreement })
        #expect(fromIndex.streams == fromScan.streams)
    }

    private func cut(_ url: URL, fraction: Double, name: String) throws -> URL {
        let bytes = try Data(contentsOf: url)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString)-\(name)")
        try bytes.prefix(Int(Double(bytes.count) * fraction)).write(to: target)
        return target
    }

    private func size(_ url: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? -1
    }
}
