import Foundation
import TestSupport
import Testing

/// `footage` runs the commands that need no media libraries in a process that never loads them,
/// and hands everything else to `footage-full`: to the user they are one program.
@Suite struct LeanProcessTests {
    /// Status, stdout and stderr of one run, for comparing two executables.
    private func answer(_ executable: URL, _ arguments: [String]) throws -> [String] {
        let run = try ChildProcess.run(executable, arguments)
        return [String(run.status), run.stdoutText, run.stderrText]
    }

    private func sharedLibraries(of executable: URL) throws -> String {
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/ldd"), [executable.path])
        #expect(run.status == 0, "ldd \(executable.path): \(run.stderrText)")
        return run.stdoutText
    }

    @Test func footageLinksNoMediaLibraryAndTheFullTreeDoes() throws {
        let lean = try sharedLibraries(of: BuiltProducts.footage)
        #expect(lean.contains("libc.so"))
        for library in ["libavformat", "libavcodec", "libavutil", "libswscale", "libswresample"] {
            #expect(!lean.contains(library), "footage links \(library)")
        }
        #expect(try sharedLibraries(of: BuiltProducts.footageFull).contains("libavformat"))
    }

    @Test func aCatalogueCommandRunsWithoutLoadingMediaLibraries() throws {
        let scratch = try ScratchFolder()
        #expect(try ChildProcess.run(BuiltProducts.footage, ["init", scratch.url.path]).status == 0)
        var environment = ProcessInfo.processInfo.environment
        environment["LD_DEBUG"] = "libs"
        let run = try ChildProcess.run(BuiltProducts.footage, ["clips", "--catalogue", scratch.url.path],
                                       environment: environment)
        #expect(run.status == 0)
        #expect(run.stderrText.contains("libsqlite3"), "the loader's trace lists what was loaded")
        #expect(!run.stderrText.contains("libav"))
    }

    /// `footage probe` answers through spawned workers; while it writes a long packet listing, its
    /// own memory map holds no FFmpeg library.
    @Test func probeKeepsFFmpegInItsWorkers() throws {
        let clip = try Fixtures.make("lean-thirty-seconds.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=64x64:r=25:d=30", "-f", "lavfi", "-i", "sine=frequency=440:duration=30",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
        ])
        let process = Process()
        process.executableURL = BuiltProducts.footage
        process.arguments = ["probe", "--packets", clip.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first byte arrives once probing is done; the rest (far more than a pipe holds)
        // keeps the process alive, blocked in its write, while its map is read.
        let first = try output.fileHandleForReading.read(upToCount: 1)
        #expect(first == Data("{".utf8))
        let maps = try String(contentsOfFile: "/proc/\(process.processIdentifier)/maps", encoding: .utf8)
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(maps.contains("/footage"))
        #expect(!maps.contains("libav"), "footage probe mapped an FFmpeg library")
        let listing = try JSONSerialization.jsonObject(with: Data("{".utf8) + rest) as? [String: Any]
        let packets = try #require(listing?["packets"] as? [[String: Any]])
        #expect(packets.count > 2_000, "750 video and about 1,400 audio packets")
    }

    @Test(arguments: [
        [], ["--help"], ["-h"], ["help"], ["help", "clips"], ["--version"], ["clips", "--help"], ["probe", "-h"],
        ["no-such-command"], ["--generate-completion-script", "bash"], ["probe"], ["clips", "--no-such-option"],
        ["export"], ["article"], ["claims", "import"], ["frames"], ["export", "bag"],
    ])
    func helpUsageAndMediaCommandsComeFromTheFullTree(_ arguments: [String]) throws {
        #expect(try answer(BuiltProducts.footage, arguments) == answer(BuiltProducts.footageFull, arguments))
    }

    /// (`verify` is left out: each run records a custody event, so two runs differ by design.)
    @Test(arguments: [["clips"], ["clips", "--json"], ["claims", "list", "--json"], ["unresolved"], ["show", "abcdef"],
                      ["provenance", "zz"], ["claims"], ["article", "list"]])
    func leanCommandsAnswerAsTheFullTree(_ arguments: [String]) throws {
        let scratch = try ScratchFolder()
        #expect(try ChildProcess.run(BuiltProducts.footage, ["init", scratch.url.path]).status == 0)
        let withCatalogue = arguments + ["--catalogue", scratch.url.path]
        #expect(try answer(BuiltProducts.footage, withCatalogue) == answer(BuiltProducts.footageFull, withCatalogue))
    }

    @Test func footageWithoutTheFullTreeBesideItFailsWithStatus70() throws {
        let scratch = try ScratchFolder()
        let alone = scratch.path("footage")
        try FileManager.default.copyItem(atPath: BuiltProducts.footage.path, toPath: alone)
        let help = try ChildProcess.run(URL(fileURLWithPath: alone), ["--help"])
        #expect(help.status == 70)
        #expect(help.stderrText == "footage: cannot run \(scratch.path("footage-full")): no such file or directory"
            + " (footage-full must be installed beside footage)\n")
        // A lean command needs nothing beside it.
        #expect(try ChildProcess.run(URL(fileURLWithPath: alone), ["init", scratch.url.path]).status == 0)
    }
}
