import Foundation
import TestSupport
import Testing

/// `footage probe` as a user runs it: real binary, real files, exit codes and messages.
struct ProbeCommandTests {
    static func clip(seconds: Int = 1) throws -> URL {
        try Fixtures.make("cli-clip-\(seconds)s.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=64x64:r=25:d=\(seconds)",
            "-f", "lavfi", "-i", "sine=f=440:d=\(seconds)",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
        ])
    }

    @Test func oneFileAsJSONHasFFprobesShape() throws {
        let clip = try Self.clip()
        let run = try FootageRun.run(["probe", "--json", clip.path])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try run.json() as? [String: Any])
        let format = try #require(document["format"] as? [String: Any])
        #expect(format["nb_streams"] as? Int == 2)
        let streams = try #require(document["streams"] as? [[String: Any]])
        #expect(streams.compactMap { $0["codec_name"] as? String }.sorted() == ["aac", "h264"])
        #expect(document["timeline"] != nil)
        #expect(document["tool"] != nil)
    }

    @Test func severalFilesAsJSONKeepOrderAndReportEachFailure() throws {
        let clip = try Self.clip()
        let folder = try ScratchFolder()
        let missing = folder.path("absent.mp4")
        let run = try FootageRun.run(["probe", "--json", clip.path, missing, clip.path])
        #expect(run.status == 66)
        let entries = try #require(try run.json() as? [[String: Any]])
        #expect(entries.map { $0["path"] as? String } == [clip.path, missing, clip.path])
        #expect(entries[0]["probe"] != nil && entries[2]["probe"] != nil)
        let error = try #require(entries[1]["error"] as? [String: Any])
        #expect(error["reason"] as? String == "missing_file")
        #expect(run.stderr.contains("footage: probe failed for \(missing): no such file"))
    }

    @Test func theSummaryIsReadableText() throws {
        let clip = try Self.clip(seconds: 2)
        let run = try FootageRun.run(["probe", clip.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("h264"))
        #expect(run.stdout.contains("aac"))
        #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) == nil)
    }

    @Test func packetsAreListedLikeFFprobe() throws {
        let clip = try Self.clip()
        let run = try FootageRun.run(["probe", "--packets", clip.path])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try run.json() as? [String: Any])
        let packets = try #require(document["packets"] as? [[String: Any]])
        let video = packets.filter { $0["codec_type"] as? String == "video" }
        #expect(video.count == 25)
        #expect(video.first?["flags"] as? String == "K_")
    }

    @Test func framesAreListedLikeFFprobe() throws {
        let clip = try Self.clip()
        let run = try FootageRun.run(["probe", "--frames", clip.path])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try run.json() as? [String: Any])
        let frames = try #require(document["frames"] as? [[String: Any]])
        let video = frames.filter { $0["media_type"] as? String == "video" }
        #expect(video.count == 25)
        #expect(video.first?["key_frame"] as? Int == 1)
    }

    @Test func aSymlinkIsProbedAndNamed() throws {
        let clip = try Self.clip()
        let folder = try ScratchFolder()
        let link = folder.path("evidence.mp4")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: clip.path)
        let text = try FootageRun.run(["probe", link])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("symlink: \(link) -> \(clip.path)"))
        let json = try FootageRun.run(["probe", "--json", link])
        let document = try #require(try json.json() as? [String: Any])
        let note = try #require(document["symlink"] as? [String: Any])
        #expect(note["target"] as? String == clip.path)
        #expect(document["streams"] != nil)
        // The note is part of the documented shape: the output still validates.
        let printed = try folder.write("probe.json", Data(json.stdout.utf8))
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schemas/probe.schema.json")
        let script = """
        import json, sys, jsonschema
        validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(json.load(open(sys.argv[2])))]
        print("\\n".join(errors), end="")
        """
        #expect(try Fixtures.run("python3", ["-c", script, schema.path, printed]).isEmpty)
    }

    /// `footage probe` runs in `footage-lean`, which links no FFmpeg, and starts the worker
    /// executable for the file; nothing hands it on to `footage-full`. strace shows what was started.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
    func probeRunsInFootageAndSpawnsItsWorker() throws {
        let clip = try Self.clip()
        let folder = try ScratchFolder()
        let trace = folder.path("trace")
        let output = try Fixtures.run("strace", ["-f", "-e", "trace=execve", "-o", trace,
                                                 BuiltProducts.footage.path, "probe", "--json", clip.path])
        let document = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect((document["streams"] as? [Any])?.isEmpty == false)
        let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").filter { $0.contains("execve(") }
        #expect(calls.count == 3, "footage, footage-lean, then one worker: \(calls)")
        #expect(calls.dropFirst().first?.contains("/footage-lean\"") == true)
        #expect(calls.last?.contains("/footage-probe-worker\"") == true)
        #expect(!calls.contains { $0.contains("footage-full") })
    }

    @Test func noFilesIsAUsageError() throws {
        let run = try FootageRun.run(["probe"])
        #expect(run.status == 64)
    }

    @Test func packetsAndFramesTogetherIsAUsageError() throws {
        let run = try FootageRun.run(["probe", "--packets", "--frames", "x.mp4"])
        #expect(run.status == 64)
    }

    @Test func theWorkerIsNotACommand() throws {
        let run = try FootageRun.run(["--help"])
        #expect(run.stdout.contains("probe"))
        #expect(!run.stdout.contains("probe-worker"))
    }

    @Test func theExitStatusIsTheMostSevereFailure() throws {
        let clip = try Self.clip()
        let folder = try ScratchFolder()
        let missing = folder.path("absent.mp4")
        let run = try FootageRun.run(["probe", folder.url.path, clip.path, missing])
        #expect(run.status == 66, "missing (66) outranks a folder (65)")
        #expect(run.stdout.contains("h264"), "the readable file is still summarised")
        #expect(run.stderr.contains("footage: probe failed for \(folder.url.path): "))
        #expect(run.stderr.contains("footage: probe failed for \(missing): "))
    }

    @Test func aDeadlineTooShortStopsTheWorkerAndExits70() throws {
        let clip = try Self.clip()
        let run = try FootageRun.run(["probe", "--deadline", "0.001", clip.path])
        #expect(run.status == 70)
        #expect(run.stderr.contains("footage: probe failed for \(clip.path): the probe worker did not answer within"))
    }
}
