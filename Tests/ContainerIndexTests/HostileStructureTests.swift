import ContainerIndex
import FootageModel
import Foundation
import MediaProbe
import Testing

/// Damaged or lying box structures: each gives a clear error or a finding, never a crash or an
/// allocation sized by an untrusted count.
@Suite struct HostileStructureTests {
    typealias B = CraftedBoxes

    @Test func notISOMediaIsNil() throws {
        let path = try B.write(Array("#EXTM3U\nsegment.ts\n".utf8), name: "playlist.mp4")
        #expect(try ContainerIndexReader.read(path: path) == nil)
        let empty = try B.write([], name: "empty.mp4")
        #expect(try ContainerIndexReader.read(path: empty) == nil)
    }

    @Test func missingFileNamesTheFile() {
        #expect {
            _ = try ContainerIndexReader.read(path: "/nonexistent/clip.mp4")
        } throws: { error in
            "\(error)" == "open failed for /nonexistent/clip.mp4: No such file or directory"
        }
    }

    @Test func sizeZeroRunsToTheEndOfTheFile() throws {
        let mdat = B.uint32(0) + Array("mdat".utf8) + [UInt8](repeating: 7, count: 100)
        let path = try B.write(B.fileType + mdat, name: "size0.mp4")
        let index = try #require(try ContainerIndexReader.read(path: path))
        #expect(index.topLevelBoxes.last?.size == 108)
        #expect(index.truncation?.kind == .movieBoxMissing)
    }

    @Test func topLevelBoxPastEndOfFileIsATruncation() throws {
        let mdat = B.uint32(1_000_000) + Array("mdat".utf8) + [UInt8](repeating: 7, count: 100)
        let path = try B.write(B.fileType + mdat, name: "pastend.mp4")
        let index = try #require(try ContainerIndexReader.read(path: path))
        let truncation = try #require(index.truncation)
        #expect(truncation.declaredEnd == Int64(B.fileType.count) + 1_000_000)
        #expect(truncation.fileSize == Int64(B.fileType.count + 108))
    }

    @Test func childBoxPastItsParentIsMalformed() throws {
        var movie = B.movie(sampleTable: [])
        // Make the 'mvhd' (first child of 'moov') claim far more than the 'moov' holds.
        movie.replaceSubrange(8..<12, with: B.uint32(100_000))
        let path = try B.write(B.fileType + movie, name: "childpast.mp4")
        #expect {
            _ = try ContainerIndexReader.read(path: path)
        } throws: { error in
            "\(error)".contains("'mvhd' box at offset 36 declares 100000 bytes but its parent ends at")
                && "\(error)".contains(path)
        }
    }

    @Test func sixtyFourBitSizeOverflowIsMalformed() throws {
        let huge = B.uint32(1) + Array("mdat".utf8) + B.uint64(UInt64.max - 15) + [0, 0, 0, 0]
        let path = try B.write(B.fileType + huge, name: "size64.mp4")
        #expect(throws: ContainerIndexError.self) { try ContainerIndexReader.read(path: path) }
        let wraps = B.uint32(1) + Array("mdat".utf8) + B.uint64(UInt64(Int64.max)) + [0, 0, 0, 0]
        let second = try B.write(B.fileType + wraps, name: "size64wrap.mp4")
        #expect {
            _ = try ContainerIndexReader.read(path: second)
        } throws: { error in
            "\(error)".contains("ending beyond any file")
        }
    }

    @Test func impossibleSmallSizeIsMalformed() throws {
        let path = try B.write(B.fileType + B.uint32(4) + Array("free".utf8), name: "size4.mp4")
        #expect {
            _ = try ContainerIndexReader.read(path: path)
        } throws: { error in
            "\(error)".contains("declares an impossible size of 4 bytes")
        }
    }

    @Test func sampleSizeCountBeyondTheBytesIsRefused() throws {
        // stsz: variable sizes, 2^31 entries, 8 bytes of table.
        let stsz = B.fullBox("stsz", B.uint32(0) + B.uint32(1 << 31) + B.uint32(10) + B.uint32(10))
        let path = try B.write(B.fileType + B.movie(sampleTable: stsz), name: "stsz.mp4")
        #expect {
            _ = try ContainerIndexReader.read(path: path)
        } throws: { error in
            "\(error)".contains("'stsz' box declares 2147483648 entries but holds bytes for 2")
        }
    }

    @Test func constantSizeCountBeyondTheChunksIsRefused() throws {
        // A constant sample size needs no table, so 2^31 samples fit in 20 bytes of 'stsz':
        // the count must be checked against what the chunks can hold.
        let table = B.fullBox("stts", B.uint32(1) + B.uint32(1 << 31) + B.uint32(1))
            + B.fullBox("stsc", B.uint32(1) + B.uint32(1) + B.uint32(4) + B.uint32(1))
            + B.fullBox("stsz", B.uint32(1) + B.uint32(1 << 31))
            + B.fullBox("stco", B.uint32(1) + B.uint32(0))
        let path = try B.write(B.fileType + B.movie(sampleTable: table), name: "stszconst.mp4")
        #expect(throws: ContainerIndexError.self) { try ContainerIndexReader.read(path: path) }
    }

    @Test func constantSizeCountBeyondTheFileIsRefused() throws {
        // Five million one-byte samples in one chunk would fit the chunk map, but not this file.
        let table = B.fullBox("stts", B.uint32(1) + B.uint32(5_000_000) + B.uint32(1))
            + B.fullBox("stsc", B.uint32(1) + B.uint32(1) + B.uint32(0x7FFF_FFFF) + B.uint32(1))
            + B.fullBox("stsz", B.uint32(1) + B.uint32(5_000_000))
            + B.fullBox("stco", B.uint32(1) + B.uint32(0))
        let path = try B.write(B.fileType + B.movie(sampleTable: table), name: "stszfile.mp4")
        #expect {
            _ = try ContainerIndexReader.read(path: path)
        } throws: { error in
            "\(error)".contains("declares 5000000 samples of 1 bytes in a file of")
        }
    }

    @Test func extremeEditValuesDoNotTrap() throws {
        let table = B.fullBox("stts", B.uint32(1) + B.uint32(3) + B.uint32(0x7FFF_0000))
            + B.fullBox("stsc", B.uint32(1) + B.uint32(1) + B.uint32(3) + B.uint32(1))
            + B.fullBox("stsz", B.uint32(1) + B.uint32(3))
            + B.fullBox("stco", B.uint32(1) + B.uint32(0))
        for mediaTime in [Int64.min + 5, Int64.max - 5, -1, -2] {
            let elst = B.fullBox("elst", version: 1, B.uint32(2)
                + B.uint64(UInt64(Int64.max)) + B.uint64(UInt64(bitPattern: mediaTime)) + B.uint32(0x10000)
                + B.uint64(1) + B.uint64(UInt64(bitPattern: mediaTime)) + B.uint32(0))
            let path = try B.write(B.fileType + B.movie(sampleTable: table, editList: elst), name: "elst.mp4")
            let index = try #require(try ContainerIndexReader.read(path: path))
            #expect(index.tracks.count == 1)
            #expect(index.tracks[0].packets.count <= 3)
        }
    }

    @Test(arguments: [(8, [UInt8]([3, 5, 7])), (4, [0x35, 0x70]), (16, [0, 3, 0, 5, 0, 7])])
    func compactSampleSizesAreRead(fieldSize: Int, packed: [UInt8]) throws {
        let table = B.fullBox("stts", B.uint32(1) + B.uint32(3) + B.uint32(100))
            + B.fullBox("stsc", B.uint32(1) + B.uint32(1) + B.uint32(3) + B.uint32(1))
            + B.fullBox("stz2", [0, 0, 0, UInt8(fieldSize)] + B.uint32(3) + packed)
            + B.fullBox("stco", B.uint32(1) + B.uint32(0))
        let path = try B.write(B.fileType + B.movie(sampleTable: table), name: "stz2.mp4")
        let track = try #require(try ContainerIndexReader.read(path: path)?.tracks.first)
        #expect(track.packets.map(\.size) == [3, 5, 7])
        #expect(track.packets.map(\.position) == [0, 3, 8])
        #expect(track.packets.map(\.dts) == [0, 100, 200])
        #expect(track.packets.map(\.duration) == [100, 100, 100])
        #expect(track.packets.allSatisfy { $0.isKeyframe })
    }

    @Test func uncompressedAudioChunkMapBeyondTheFileIsRefused() throws {
        // One-tick samples of 16-bit stereo: 2^31 samples in one chunk claim 8 GiB of audio.
        let table = B.soundDescription("sowt", channels: 2, bits: 16)
            + B.fullBox("stts", B.uint32(1) + B.uint32(0x7FFF_FFFF) + B.uint32(1))
            + B.fullBox("stsc", B.uint32(1) + B.uint32(1) + B.uint32(0x7FFF_FFFF) + B.uint32(1))
            + B.fullBox("stsz", B.uint32(1) + B.uint32(0x7FFF_FFFF))
            + B.fullBox("stco", B.uint32(1) + B.uint32(0))
        let path = try B.write(B.fileType + B.movie(sampleTable: table, handler: "soun"), name: "pcm.mov")
        #expect {
            _ = try ContainerIndexReader.read(path: path)
        } throws: { error in
            "\(error)".contains("maps more audio into its chunks than the file holds")
        }
    }

    @Test func uncompressedAudioChunksAreCutAt1024Samples() throws {
        // 2500 samples of 16-bit mono in one chunk: packets of 1024, 1024 and 452 samples.
        let table = B.soundDescription("twos", channels: 1, bits: 16)
            + B.fullBox("stts", B.uint32(1) + B.uint32(2500) + B.uint32(1))
            + B.fullBox("stsc", B.uint32(1) + B.uint32(1) + B.uint32(2500) + B.uint32(1))
            + B.fullBox("stsz", B.uint32(2) + B.uint32(2500))
            + B.fullBox("stco", B.uint32(1) + B.uint32(0))
        let path = try B.write(B.fileType + B.movie(sampleTable: table, handler: "soun") + [UInt8](repeating: 0, count: 5000),
                               name: "pcm-small.mov")
        let track = try #require(try ContainerIndexReader.read(path: path)?.tracks.first)
        #expect(track.limitation == nil)
        #expect(track.packets.map(\.size) == [2048, 2048, 904])
        #expect(track.packets.map(\.dts) == [0, 1024, 2048])
        #expect(track.packets.map(\.position) == [0, 2048, 4096])
    }

    @Test func deepNestingIsNotFollowed() throws {
        var nested = B.box("free", [])
        for _ in 0..<1000 { nested = B.box("trak", nested) }
        let path = try B.write(B.fileType + B.box("moov", nested), name: "deep.mp4")
        let index = try #require(try ContainerIndexReader.read(path: path))
        #expect(index.tracks.count == 1)
        #expect(index.tracks[0].packets.isEmpty)
    }

    @Test func entryCountsAreCheckedInEveryTable() throws {
        for type in ["stts", "ctts", "stss", "stsc", "stco", "co64"] {
            let table = B.fullBox(type, B.uint32(0x7FFF_FFFF) + B.uint32(1))
            let path = try B.write(B.fileType + B.movie(sampleTable: table), name: "\(type).mp4")
            #expect(throws: ContainerIndexError.self, "\(type)") { try ContainerIndexReader.read(path: path) }
        }
    }

    @Test func chunkMapPastTheChunkTableIsMalformed() throws {
        let table = B.fullBox("stts", B.uint32(1) + B.uint32(1) + B.uint32(1))
            + B.fullBox("stsc", B.uint32(1) + B.uint32(5) + B.uint32(1) + B.uint32(1))
            + B.fullBox("stsz", B.uint32(4) + B.uint32(1))
            + B.fullBox("stco", B.uint32(1) + B.uint32(0))
        let path = try B.write(B.fileType + B.movie(sampleTable: table), name: "stsc.mp4")
        #expect {
            _ = try ContainerIndexReader.read(path: path)
        } throws: { error in
            "\(error)".contains("maps samples to chunk 5 but has 1 chunks")
        }
    }

    @Test func corruptedMovieBoxesNeverTrap() throws {
        // Deterministic mutations of a real file's 'moov': each read must end in an index, nil
        // or a ContainerIndexError, never a trap.
        let source = [UInt8](try Data(contentsOf: IndexFixture.editList.make()))
        let moov = try #require(try ContainerIndexReader.read(path: IndexFixture.editList.make().path)?
            .topLevelBoxes.first { $0.type == "moov" })
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutated-\(UUID().uuidString).mp4").path
        var outcomes = (index: 0, error: 0)
        for _ in 0..<300 {
            var bytes = source
            for _ in 0..<(1 + Int(next() % 4)) {
                let at = Int(moov.offset) + Int(next() % UInt64(moov.size))
                // Favour the values that break parsers: all ones, zero, and small sizes.
                let choices: [UInt8] = [0xFF, 0x00, 0x01, 0x7F, 0x80, UInt8(truncatingIfNeeded: next())]
                bytes[at] = choices[Int(next() % UInt64(choices.count))]
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                if try ContainerIndexReader.read(path: path) != nil { outcomes.index += 1 }
            } catch {
                outcomes.error += 1
            }
        }
        #expect(outcomes.index + outcomes.error == 300)
    }
}
