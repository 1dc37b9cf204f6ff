import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// ffprobe is the oracle: on every fixture our `format`/`streams`, packet list and frame list
/// agree with its JSON on every field both print.
@Suite struct FFprobeAgreementTests {
    /// Fields ffprobe prints that we do not: none for `format` and `streams`.
    static let allowedMissingStreamFields: Set<String> = []

    static func ffprobe(_ arguments: [String], _ path: String) throws -> [String: Any] {
        let data = try Fixtures.run("ffprobe", ["-v", "error"] + arguments + ["-of", "json", path])
        return try #require(JSONComparison.decode(data) as? [String: Any])
    }

    @Test(arguments: FixtureCatalogue.all + FixtureCatalogue.more)
    func formatAndStreamsAgree(_ fixture: FixtureCatalogue.Entry) throws {
        let path = try fixture.make().path
        let record = try Prober.probe(path: path)
        let reference = try Self.ffprobe(["-show_format", "-show_streams"], path)
        let ours = try JSONComparison.encode(ProbeRecord(format: record.format, streams: record.streams))
        let comparison = JSONComparison.compare(ours: ours, reference: reference)
        #expect(comparison.differences == [], "\(fixture)")
        #expect(comparison.onlyInReference.subtracting(Self.allowedMissingStreamFields) == [], "\(fixture)")
        #expect(comparison.onlyInOurs == [], "\(fixture)")
        let streams = try #require(reference["streams"] as? [Any])
        #expect(record.streams.count == streams.count)
    }

    @Test(arguments: FixtureCatalogue.all + FixtureCatalogue.more)
    func packetsAgree(_ fixture: FixtureCatalogue.Entry) throws {
        let path = try fixture.make().path
        let packets = try Prober.packets(path: path)
        let reference = try Self.ffprobe(["-show_packets"], path)
        let ours = try JSONComparison.encode(["packets": packets])
        // ffprobe also prints packet side data (skip samples, new extradata); we list timing only.
        let comparison = JSONComparison.compare(ours: ours, reference: reference, ignoring: ["packets.side_data_list"])
        #expect(comparison.differences.prefix(5) == [], "\(fixture)")
        #expect(comparison.onlyInReference == [], "\(fixture)")
        #expect(comparison.onlyInOurs == [], "\(fixture)")
    }

    static let decodedFixtures = FixtureCatalogue.all.filter {
        ["h264-aac.mp4", "vfr.mp4", "h264-mp2.ts", "vp9-opus.webm", "mpeg4-pcm.avi"].contains($0.name)
    }

    @Test(arguments: FixtureCatalogue.all + FixtureCatalogue.more)
    func framesAgree(_ fixture: FixtureCatalogue.Entry) throws {
        let path = try fixture.make().path
        let frames = try Prober.frames(path: path)
        let reference = try Self.ffprobe(["-show_frames"], path)
        let ours = try JSONComparison.encode(["frames": frames])
        let comparison = JSONComparison.compare(ours: ours, reference: reference)
        #expect(comparison.differences.prefix(5) == [], "\(fixture)")
        #expect(comparison.onlyInOurs == [], "\(fixture)")
    }

    /// ffprobe's own JSON decodes as a `ProbeRecord` (without timeline and tool) and equals ours:
    /// the model speaks ffprobe's vocabulary both ways.
    @Test(arguments: FixtureCatalogue.all + FixtureCatalogue.more)
    func ffprobeJSONDecodesAsOurRecord(_ fixture: FixtureCatalogue.Entry) throws {
        let path = try fixture.make().path
        let data = try Fixtures.run("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-of", "json", path])
        let theirs = try JSONDecoder().decode(ProbeRecord.self, from: data)
        let ours = try Prober.probe(path: path)
        #expect(theirs == ProbeRecord(format: ours.format, streams: ours.streams), "\(fixture)")
    }
}
