import Foundation
import TestSupport
import Testing

/// Every bad input has its own test naming the exit status and the message the user sees.
/// Tests run as root, so permission bits cannot make a file unreadable here: "unreadable" is a
/// path through a plain file as if it were a folder.
struct ProbeBadInputTests {
    private func probe(_ path: String) throws -> FootageRun {
        try FootageRun.run(["probe", path])
    }

    private func expectFailure(_ run: FootageRun, status: Int32, path: String, saying fragment: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == status, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains("footage: probe failed for \(path): "), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.lowercased().contains(fragment.lowercased()), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func missingFileExits66() throws {
        let folder = try ScratchFolder()
        let path = folder.path("absent.mp4")
        expectFailure(try probe(path), status: 66, path: path, saying: "no such file")
    }

    @Test func danglingSymlinkExits66() throws {
        let folder = try ScratchFolder()
        let path = folder.path("link.mp4")
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder.path("gone.mp4"))
        expectFailure(try probe(path), status: 66, path: path, saying: "dangling symlink to \(folder.path("gone.mp4"))")
    }

    @Test func pathThroughAFileExits66() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("plain.txt", Data("x".utf8)) + "/clip.mp4"
        expectFailure(try probe(path), status: 66, path: path, saying: "not a folder")
    }

    @Test func folderExits65() throws {
        let folder = try ScratchFolder()
        expectFailure(try probe(folder.url.path), status: 65, path: folder.url.path, saying: "is a folder")
    }

    @Test func fifoIsRefusedAtOnceWithoutBeingOpened() throws {
        let folder = try ScratchFolder()
        let fifo = try HostileInputs.fifo("camera.mp4", in: folder)
        let watch = try FileAccessWatch([fifo])
        let started = ContinuousClock.now
        let run = try probe(fifo)
        #expect(ContinuousClock.now - started < .seconds(10))
        expectFailure(run, status: 65, path: fifo, saying: "named pipe (fifo)")
        #expect(!watch.sawAccess, "nothing opened the FIFO")
    }

    @Test func deviceExits65() throws {
        expectFailure(try probe("/dev/zero"), status: 65, path: "/dev/zero", saying: "device")
    }

    @Test func emptyFileExits65() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("empty.mp4", Data())
        expectFailure(try probe(path), status: 65, path: path, saying: "empty")
    }

    @Test func textNamedMP4Exits65() throws {
        let folder = try ScratchFolder()
        let path = try HostileInputs.textNamedMP4(in: folder)
        expectFailure(try probe(path), status: 65, path: path, saying: "invalid data found when processing input")
    }

    @Test func randomBytesExit65() throws {
        let folder = try ScratchFolder()
        let path = try HostileInputs.randomBytes(in: folder)
        expectFailure(try probe(path), status: 65, path: path, saying: "invalid data found when processing input")
    }

    @Test func hlsPlaylistNamedMP4IsRefusedAndReadsNothingItLists() throws {
        let folder = try ScratchFolder()
        let segment = try folder.write("segment.ts", Data(repeating: 0x47, count: 188 * 8))
        let fifo = try HostileInputs.fifo("segment-pipe.ts", in: folder)
        let playlist = try HostileInputs.hlsPlaylistNamedMP4(listing: segment, in: folder)
        let fifoPlaylist = try folder.write("playlist-fifo.mp4",
                                            Data(try String(contentsOfFile: playlist, encoding: .utf8)
                                                .replacingOccurrences(of: segment, with: fifo).utf8))
        let watch = try FileAccessWatch([segment, fifo])
        expectFailure(try probe(playlist), status: 65, path: playlist, saying: "not on the whitelist")
        expectFailure(try probe(fifoPlaylist), status: 65, path: fifoPlaylist, saying: "not on the whitelist")
        #expect(!watch.sawAccess, "the listed files were never opened")
    }

    @Test func ffconcatNamedMP4IsRefusedAndReadsNothingItLists() throws {
        let folder = try ScratchFolder()
        let listed = try ProbeCommandTests.clip()
        let copy = folder.path("listed.mp4")
        try FileManager.default.copyItem(atPath: listed.path, toPath: copy)
        let fifo = try HostileInputs.fifo("listed-pipe.mp4", in: folder)
        let script = try HostileInputs.ffconcatNamedMP4(listing: [fifo, copy], in: folder)
        let watch = try FileAccessWatch([copy, fifo])
        expectFailure(try probe(script), status: 65, path: script, saying: "not on the whitelist")
        #expect(!watch.sawAccess, "the listed files were never opened")
    }

    @Test func mp4WithoutItsMoovExits65SayingSo() throws {
        let folder = try ScratchFolder()
        // Written without faststart, the index (moov) comes last: cutting the file loses it.
        let whole = try ProbeCommandTests.clip(seconds: 3)
        let path = try HostileInputs.truncatedCopy(of: whole, keeping: 0.6, name: "cut-before-moov.mp4", in: folder)
        let run = try probe(path)
        #expect(run.status == 65, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("footage: probe failed for \(path): "))
        let message = run.stderr.lowercased()
        #expect(message.contains("moov") || message.contains("truncated"), "stderr: \(run.stderr)")
    }

    /// With the index at the front (faststart), a file cut in half still opens: it is probed, exit 0,
    /// and the summary warns that the file holds fewer frames than its header declares: cut short.
    @Test func mp4CutInTheMiddleIsProbedWithAWarning() throws {
        let folder = try ScratchFolder()
        let whole = try Fixtures.make("cli-faststart-4s.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=64x64:r=25:d=4",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
        ])
        let path = try HostileInputs.truncatedCopy(of: whole, keeping: 0.5, name: "cut-middle.mp4", in: folder)
        let run = try probe(path)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("warning:"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("cut short"), "stdout: \(run.stdout)")
        let json = try FootageRun.run(["probe", "--json", path])
        let document = try #require(try json.json() as? [String: Any])
        let timeline = try #require(document["timeline"] as? [String: Any])
        let warnings = try #require(timeline["warnings"] as? [[String: Any]])
        #expect(!warnings.isEmpty)
    }

    /// Headers claiming 60000x60000 pictures: libavformat refuses the size itself, so the probe
    /// reports no dimensions (as ffprobe does), allocates nothing of that size, and exits 0; the
    /// frame listing decodes nothing.
    @Test func hugeDimensionHeaderIsNotBelieved() throws {
        let folder = try ScratchFolder()
        let path = try HostileInputs.hugeDimensionAVI(in: folder)
        let run = try FootageRun.run(["probe", "--json", path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let document = try #require(try run.json() as? [String: Any])
        let stream = try #require((document["streams"] as? [[String: Any]])?.first)
        let oracle = try Fixtures.run("ffprobe", ["-v", "quiet", "-show_entries", "stream=width,height", "-of", "csv=p=0", path])
        #expect(String(decoding: oracle, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "0,0")
        #expect(stream["width"] as? Int ?? 0 == 0)
        #expect(stream["height"] as? Int ?? 0 == 0)
        let frames = try FootageRun.run(["probe", "--frames", path])
        #expect(frames.status == 0)
        let listing = try #require(try frames.json() as? [String: Any])
        #expect((listing["frames"] as? [Any])?.isEmpty == true)
    }
}
