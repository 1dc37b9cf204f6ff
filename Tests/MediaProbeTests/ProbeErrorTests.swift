import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// Each bad input gets its own error, naming the file.
@Suite struct ProbeErrorTests {
    static func scratch(_ name: String) throws -> URL {
        let folder = Fixtures.directory.appendingPathComponent("probe-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    static func failure(_ path: String) -> ProbeError? {
        do {
            _ = try Prober.probe(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingFile() throws {
        let path = try Self.scratch("absent.mp4").path
        let error = try #require(Self.failure(path))
        #expect(error.reason == .missingFile)
        #expect(error.message.contains(path))
    }

    @Test func directoryIsNotAFile() throws {
        let folder = try Self.scratch("folder.mp4")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let error = try #require(Self.failure(folder.path))
        #expect(error.reason == .notAFile)
        #expect(error.message == "not a regular file: \(folder.path) is a directory")
    }

    @Test func fifoIsRefusedWithoutOpeningIt() throws {
        let path = try Self.scratch("pipe.mp4").path
        #expect(mkfifo(path, 0o600) == 0)
        // Opening a FIFO with no writer would block: the probe must answer at once.
        let error = try #require(Self.failure(path))
        #expect(error.reason == .notAFile)
        #expect(error.message.contains("is a fifo"))
    }

    @Test func emptyFile() throws {
        let url = try Self.scratch("empty.mp4")
        try Data().write(to: url)
        let error = try #require(Self.failure(url.path))
        #expect(error.reason == .emptyFile)
        #expect(error.message == "empty file: \(url.path) has 0 bytes")
    }

    @Test func textRenamedAsMP4IsNotMedia() throws {
        let url = try Self.scratch("notes.mp4")
        try Data(String(repeating: "these are notes, not a video\n", count: 40).utf8).write(to: url)
        let error = try #require(Self.failure(url.path))
        #expect(error.reason == .unsupportedFormat)
        #expect(error.cause?.function == "avformat_open_input")
        #expect(error.message == "avformat_open_input failed for \(url.path): Invalid data found when processing input")
    }

    @Test func playlistNamedMP4IsRefused() throws {
        let target = try h264Clip()
        let url = try Self.scratch("playlist.mp4")
        let playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n\(target.path)\n#EXT-X-ENDLIST\n"
        try Data(playlist.utf8).write(to: url)
        let error = try #require(Self.failure(url.path))
        #expect(error.reason == .refusedFormat)
        #expect(error.message.hasPrefix("avformat_open_input failed for \(url.path): "))
    }

    @Test func concatListNamedMP4IsRefused() throws {
        let target = try h264Clip()
        let url = try Self.scratch("list.mp4")
        try Data("ffconcat version 1.0\nfile '\(target.path)'\n".utf8).write(to: url)
        let error = try #require(Self.failure(url.path))
        #expect(error.reason == .refusedFormat)
    }

    @Test func mp4CutBeforeItsIndexIsTruncated() throws {
        // ffmpeg writes moov at the end by default: the first half has no index at all.
        let whole = try Data(contentsOf: h264Clip())
        let url = try Self.scratch("cut.mp4")
        try whole.prefix(whole.count / 2).write(to: url)
        let error = try #require(Self.failure(url.path))
        #expect(error.reason == .truncated)
        #expect(error.message.contains(url.path))
        #expect(error.message.contains("cut short"))
    }

    @Test func faststartMP4CutInTheMiddleIsProbedWithATruncationWarning() throws {
        let faststart = try Fixtures.make("faststart.mp4", ["-i", h264Clip().path, "-c", "copy", "-movflags", "+faststart"])
        let whole = try Data(contentsOf: faststart)
        let url = try Self.scratch("cut-faststart.mp4")
        try whole.prefix(whole.count / 2).write(to: url)
        let record = try Prober.probe(path: url.path)
        let warnings = try #require(record.timeline?.warnings)
        let truncated = warnings.filter { $0.kind == .truncated }
        // Both streams hold fewer packets than their sample tables declare.
        #expect(Set(truncated.compactMap(\.streamIndex)) == [0, 1])
        #expect(truncated.contains { $0.message.hasPrefix("stream 0: the index lists 50 packets, ") && $0.message.hasSuffix("the file was cut short") })
        #expect(record.timeline?.source == .containerIndex, "the surviving index answers without a scan")
        let summary = ProbeSummary.text(for: record)
        #expect(summary.contains("warning: stream 0: the index lists 50 packets"))
        #expect(summary.contains("  truncated: "))
    }

    @Test func randomBytesAreNotMedia() throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<65536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let url = try Self.scratch("noise.mp4")
        try Data(bytes).write(to: url)
        let error = try #require(Self.failure(url.path))
        #expect([.unsupportedFormat, .corrupt].contains(error.reason))
        #expect(error.message.contains(url.path))
    }

    @Test(arguments: ["http:clip.mp4", "concat:clip.mp4", "what?#%20.mp4", "subtitles=clip.mp4"])
    func namesThatLookLikeURLsAreFiles(_ name: String) throws {
        let url = try Self.scratch(name)
        try FileManager.default.copyItem(at: h264Clip(), to: url)
        let record = try Prober.probe(path: url.path)
        #expect(record.format.filename == url.path)
        #expect(record.streams.count == 2)
    }

    @Test func streamLimitIsEnforced() throws {
        var limits = ProbeLimits.default
        limits.maxStreams = 1
        let path = try h264Clip().path
        let error = try #require(throws: ProbeError.self) { try Prober.probe(path: path, limits: limits) }
        #expect(error.reason == .limitExceeded, "\(error.message)")
    }

    @Test func errorsRoundTripAsJSON() throws {
        let error = try #require(Self.failure(try Self.scratch("absent.mp4").path))
        let decoded = try JSONDecoder().decode(ProbeError.self, from: JSONEncoder().encode(error))
        #expect(decoded == error)
    }

    private func h264Clip() throws -> URL { try FixtureCatalogue.h264AACMP4() }
}
