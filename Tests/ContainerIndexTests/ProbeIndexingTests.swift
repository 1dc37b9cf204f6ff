import ContainerIndex
import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// The prober answers MP4/MOV timelines from the container index, and a forced scan checks it.
@Suite struct ProbeIndexingTests {
    @Test(arguments: [IndexFixture.bFrames, .editList, .variableFrameRate, .quickTime, .aacAudio, .pcm16])
    func indexTimelineEqualsScanTimeline(_ fixture: IndexFixture) throws {
        let path = try fixture.make().path
        let fromIndex = try #require(try Prober.probe(path: path).timeline)
        let fromScan = try #require(try Prober.probe(path: path, forceScan: true).timeline)
        #expect(fromIndex.source == .containerIndex)
        #expect(fromScan.source == .scan)
        #expect(!fromScan.warnings.contains { $0.kind == .indexDisagreement })
        #expect(fromIndex.streams == fromScan.streams)
        #expect(fromIndex.durations == fromScan.durations)
        #expect(fromIndex.playerOrigin == fromScan.playerOrigin)
        #expect(fromIndex.warnings == fromScan.warnings)
        #expect(fromIndex.hasC2PAManifest == false)
        #expect(fromIndex.truncation == nil)
    }

    @Test func editThatDropsSamplesIsNotTakenForTruncation() throws {
        // The edit ends after 1 s, so the demuxer returns fewer packets than the sample table
        // holds; the index knows why, so nothing is reported as cut short.
        let timeline = try #require(try Prober.probe(path: IndexFixture.trimmedEdit.make().path).timeline)
        #expect(timeline.source == .containerIndex)
        #expect(timeline.truncation == nil)
        #expect(!timeline.warnings.contains { $0.kind == .truncated })
        let video = try #require(timeline.streams.first)
        #expect(video.packetCount == 49)
        #expect(video.frameCount == 25)
    }

    /// A forced scan counts what the demuxer presents after the edit list against what the
    /// index says it presents, not against every sample in the table: the trimmed edit is no cut.
    @Test func forcedScanOfAnEditThatDropsSamplesIsNotTakenForTruncation() throws {
        let record = try Prober.probe(path: IndexFixture.trimmedEdit.make().path, forceScan: true)
        let timeline = try #require(record.timeline)
        #expect(timeline.source == .scan)
        #expect(record.streams.first?.nbFrames == "75", "the table holds every sample of the 3 s")
        #expect(!timeline.warnings.contains { $0.kind == .truncated }, "\(timeline.warnings.map(\.message))")
        #expect(!timeline.warnings.contains { $0.kind == .indexDisagreement })
        #expect(timeline.streams.first?.packetCount == 49)
    }

    /// A file cut after its index is answered from the index alone: the samples still in the file
    /// make the timeline, those past the end are reported per stream, and nothing is scanned.
    @Test func truncatedFileIsAnsweredFromItsIndex() throws {
        let full = try Fixtures.make("probe-faststart-cut.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=4", "-c:v", "libx264", "-preset", "veryfast",
            "-pix_fmt", "yuv420p", "-g", "25", "-movflags", "+faststart",
        ])
        let bytes = try Data(contentsOf: full)
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("probe-cut-\(UUID().uuidString).mp4")
        try bytes.prefix(bytes.count / 2).write(to: cut)
        defer { try? FileManager.default.removeItem(at: cut) }
        let record = try Prober.probe(path: cut.path)
        let timeline = try #require(record.timeline)
        try Self.expectValidAgainstSchema(record)
        #expect(timeline.source == .containerIndex)
        let truncation = try #require(timeline.truncation)
        #expect(truncation.kind == .samplesPastEnd)
        let missing = try #require(truncation.missing.first)
        #expect(missing.streamIndex == 0 && missing.count > 0 && missing.count < 100)
        // 100 frames were indexed; the timeline holds those still in the file.
        let video = try #require(timeline.streams.first)
        #expect(video.packetCount == 100 - missing.count)
        let warning = try #require(timeline.warnings.first { $0.kind == .truncated })
        #expect(warning.message.contains("the index lists 100 packets, \(missing.count) of them"))
        #expect(warning.message.hasSuffix("lie past the end of the file at byte \(bytes.count / 2): the file was cut short"))

        // A forced scan reads the same surviving packets (the one cut through the middle aside).
        let scanned = try #require(try Prober.probe(path: cut.path, forceScan: true).timeline)
        #expect(scanned.source == .scan)
        let scannedCount = try #require(scanned.streams.first?.packetCount)
        #expect(scannedCount == video.packetCount || scannedCount == video.packetCount + 1)
    }

    /// Validates with Python's `jsonschema` against `Schemas/probe.schema.json`.
    static func expectValidAgainstSchema(_ record: ProbeRecord) throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schemas/probe.schema.json")
        let document = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString).json")
        try JSONEncoder().encode(record).write(to: document)
        defer { try? FileManager.default.removeItem(at: document) }
        let script = """
        import json, sys, jsonschema
        validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        for error in validator.iter_errors(json.load(open(sys.argv[2]))):
            print(list(error.absolute_path), error.message)
        """
        let output = try Fixtures.run("python3", ["-c", script, schema.path, document.path])
        #expect(output.isEmpty, "\(String(decoding: output, as: UTF8.self))")
    }

    @Test func c2paFlagReachesTheTimeline() throws {
        let source = try IndexFixture.bFrames.make()
        let userType: [UInt8] = [0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C,
                                 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81]
        let box = CraftedBoxes.uint32(UInt32(24 + 4)) + Array("uuid".utf8) + userType + [1, 2, 3, 4]
        let path = try CraftedBoxes.write(Array(try Data(contentsOf: source)) + box, name: "c2pa-probe.mp4")
        let record = try Prober.probe(path: path)
        try Self.expectValidAgainstSchema(record)
        let timeline = try #require(record.timeline)
        #expect(timeline.hasC2PAManifest == true)
        #expect(timeline.source == .containerIndex)
    }

    @Test func fragmentedFileIsScannedWithoutDisagreement() throws {
        let url = try Fixtures.make("probe-fragmented.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3", "-c:v", "libx264", "-preset", "veryfast",
            "-pix_fmt", "yuv420p", "-g", "25", "-movflags", "frag_keyframe+empty_moov",
        ])
        let timeline = try #require(try Prober.probe(path: url.path).timeline)
        #expect(timeline.source == .scan)
        #expect(timeline.streams.first?.frameCount == 75)
        #expect(!timeline.warnings.contains { $0.kind == .indexDisagreement })
        #expect(timeline.truncation == nil)
    }

    @Test func otherContainersHaveNoIndexFields() throws {
        let url = try Fixtures.make("probe-plain.mkv", [
            "-f", "lavfi", "-i", "testsrc2=s=160x120:r=25:d=1", "-c:v", "libx264", "-preset", "veryfast",
        ])
        let timeline = try #require(try Prober.probe(path: url.path).timeline)
        #expect(timeline.source == .scan)
        #expect(timeline.hasC2PAManifest == nil)
    }
}
