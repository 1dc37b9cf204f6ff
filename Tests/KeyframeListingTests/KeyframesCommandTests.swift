import Foundation
import TestSupport
import Testing

/// `footage probe --keyframes` through the built binary, with ffprobe as the oracle: the MP4/MOV
/// index path, the scan fallback for every other case, and what damaged and hostile files give.
@Suite("footage probe --keyframes")
struct KeyframesCommandTests {
    /// Six seconds at 25 fps, three B-frames, a keyframe every 30 frames: keyframes at 0, 1.2, 2.4,
    /// 3.6 and 4.8 s, with composition offsets and the edit list the muxer writes for them.
    static func bFrames() throws -> URL {
        try Fixtures.make("keyframes-bframes.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25:d=6", "-f", "lavfi", "-i", "sine=f=440:d=6",
            "-c:v", "libx264", "-preset", "ultrafast", "-bf", "3", "-g", "30", "-keyint_min", "30", "-sc_threshold", "0",
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
        ])
    }

    struct Run {
        var status: Int32
        var json: Any?
        var stderr: String
    }

    static func probe(_ paths: [String], extra: [String] = []) throws -> Run {
        let result = try ChildProcess.run(BuiltProducts.footage, ["probe", "--keyframes"] + extra + paths)
        let json = try? JSONSerialization.jsonObject(with: result.stdout)
        return Run(status: result.status, json: json, stderr: result.stderrText)
    }

    /// Runs the index worker alone (through a pipe: it may not write files) and returns its
    /// exit status and output.
    static func indexWorker(_ path: String) throws -> (status: Int32, output: String) {
        let worker = BuiltProducts.directory.appendingPathComponent("footage-index-worker").path
        let result = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"),
                                          ["-c", #""$0" "$1" | cat; exit "${PIPESTATUS[0]}""#, worker, path])
        return (result.status, result.stdoutText)
    }

    /// Ours equal ffprobe's, and the expected count; returns ours.
    @discardableResult
    static func expectSameAsFFprobe(_ path: String, count: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> [KeyframeTriple] {
        let run = try probe([path])
        #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        let document = try require(run.json as? [String: Any], "a JSON object")
        let ours = try KeyframeOracle.ours(document["keyframes"])
        #expect(ours == (try KeyframeOracle.ffprobe(path)), sourceLocation: sourceLocation)
        #expect(ours.count == count, sourceLocation: sourceLocation)
        try KeyframeSchema.expectValid(run.json, sourceLocation: sourceLocation)
        return ours
    }

    @Test("MP4 with B-frames: from the index, equal to ffprobe's")
    func mp4WithBFrames() throws {
        let path = try Self.bFrames().path
        let ours = try Self.expectSameAsFFprobe(path, count: 5)
        #expect(ours.map(\.ptsTime) == ["0.000000", "1.200000", "2.400000", "3.600000", "4.800000"])
        #expect(try Self.indexWorker(path).status == 0)
    }

    @Test("MOV cut inside a GOP: the edit list drops the first keyframe, as ffprobe does")
    func movWithEditList() throws {
        let cut = try Fixtures.make("keyframes-cut.mov", ["-ss", "0.5", "-i", try Self.bFrames().path, "-c", "copy"])
        let ours = try Self.expectSameAsFFprobe(cut.path, count: 4)
        // The keyframe at 1.2 s of the source lies 0.5 s earlier, plus the B-frame delay.
        #expect(ours.first.map { $0.pts > 0 } == true)
        #expect(try Self.indexWorker(cut.path).status == 0)
    }

    @Test("MOV starting at 3 s: keyframe times keep the offset")
    func movWithNonZeroStart() throws {
        let shifted = try Fixtures.make("keyframes-offset.mov", ["-i", try Self.bFrames().path, "-c", "copy", "-output_ts_offset", "3"])
        let ours = try Self.expectSameAsFFprobe(shifted.path, count: 5)
        #expect(ours.first?.ptsTime == "3.000000")
    }

    @Test("fragmented MP4: the index worker declines, the scan answers")
    func fragmentedMP4() throws {
        let fragmented = try Fixtures.make("keyframes-frag.mp4", [
            "-i", try Self.bFrames().path, "-c", "copy", "-movflags", "frag_keyframe+empty_moov",
        ])
        let worker = try Self.indexWorker(fragmented.path)
        #expect(worker.status == 3)
        #expect(worker.output.contains("fragmented"))
        try Self.expectSameAsFFprobe(fragmented.path, count: 5)
    }

    @Test("Matroska and MPEG-TS: the scan answers", arguments: ["keyframes.mkv", "keyframes.ts"])
    func otherContainers(name: String) throws {
        let file = try Fixtures.make(name, ["-i", try Self.bFrames().path, "-c:v", "copy", "-an"])
        #expect(try Self.indexWorker(file.path).status == 3)
        try Self.expectSameAsFFprobe(file.path, count: 5)
    }

    @Test("MP4 without its movie box: a clear error naming the file, status 65")
    func movieBoxMissing() throws {
        let whole = try Data(contentsOf: try Self.bFrames())
        let folder = try ScratchFolder("keyframes-cut")
        // The muxer writes the movie box last, so the first half has media data and no index.
        let path = try folder.write("no-moov.mp4", whole.prefix(whole.count / 2))
        let run = try Self.probe([path])
        #expect(run.status == 65)
        let error = try require((run.json as? [String: Any])?["error"] as? [String: Any], "an error")
        #expect((error["message"] as? String)?.contains(path) == true)
        #expect(run.stderr.contains("footage: probe failed for \(path)"))
        try KeyframeSchema.expectValid(run.json)
    }

    @Test("several files: one entry per path, in order, failures included")
    func severalFiles() throws {
        let mp4 = try Self.bFrames().path
        let folder = try ScratchFolder("keyframes-several")
        let link = folder.path("link.mp4")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: mp4)
        let run = try Self.probe([mp4, link, folder.path("missing.mp4")])
        #expect(run.status == 66)
        let entries = try require(run.json as? [[String: Any]], "an array")
        #expect(entries.compactMap { $0["path"] as? String } == [mp4, link, folder.path("missing.mp4")])
        #expect(try KeyframeOracle.ours(entries[0]["keyframes"]) == (try KeyframeOracle.ours(entries[1]["keyframes"])))
        #expect((entries[1]["symlink"] as? [String: Any])?["target"] as? String == mp4)
        #expect((entries[2]["error"] as? [String: Any])?["reason"] as? String == "missing_file")
        try KeyframeSchema.expectValid(run.json)
    }

    @Test("the index worker refuses a symbolic link and a file it cannot open")
    func indexWorkerRefusals() throws {
        let folder = try ScratchFolder("keyframes-refusals")
        let link = folder.path("link.mp4")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: try Self.bFrames().path)
        let refused = try Self.indexWorker(link)
        #expect(refused.status == 4)
        #expect(refused.output.contains("is a symbolic link, refused"))
        #expect(try Self.indexWorker(folder.path("missing.mp4")).status == 4)
    }

    @Test("--keyframes with --packets or --frames is a usage error")
    func usage() throws {
        let run = try ChildProcess.run(BuiltProducts.footage, ["probe", "--keyframes", "--packets", "a.mp4"])
        #expect(run.status == 64)
        #expect(run.stderrText.contains("--packets, --frames and --keyframes cannot be used together"))
    }
}
