import FootageCommands
import Foundation
import LaunchRule
import TestSupport
import Testing

/// `footage` hands the commands that need no media libraries to `footage-lean`, which never loads
/// them, and everything else to `footage-full`: to the user they are one program.
@Suite struct LeanProcessTests {
    /// Status, stdout and stderr of one run, for comparing two executables.
    private func answer(_ executable: URL, _ arguments: [String]) throws -> [String] {
        let run = try ChildProcess.run(executable, arguments)
        return [String(run.status), run.stdoutText, run.stderrText]
    }

    /// What `ldd` says of an executable (a static one is "not a dynamic executable").
    private func sharedLibraries(of executable: URL) throws -> String {
        let run = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/ldd"), [executable.path])
        return run.stdoutText + run.stderrText
    }

    @Test func theLeanTreeLinksNoMediaLibraryTheFullTreeDoesAndTheLauncherLinksNothing() throws {
        let lean = try sharedLibraries(of: BuiltProducts.footageLean)
        #expect(lean.contains("libc.so"))
        for library in ["libavformat", "libavcodec", "libavutil", "libswscale", "libswresample"] {
            #expect(!lean.contains(library), "footage-lean links \(library)")
        }
        #expect(try sharedLibraries(of: BuiltProducts.footageFull).contains("libavformat"))
        // Static: it starts without the loader, and needs no Swift runtime where it is installed.
        #expect(try sharedLibraries(of: BuiltProducts.footage).contains("not a dynamic executable"))
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

    @Test func footageWithoutATreeBesideItFailsWithStatus70() throws {
        let scratch = try ScratchFolder()
        let launcher = scratch.path("footage")
        try FileManager.default.copyItem(atPath: BuiltProducts.footage.path, toPath: launcher)
        let alone = try ChildProcess.run(URL(fileURLWithPath: launcher), ["init", scratch.url.path])
        #expect(alone.status == 70)
        #expect(alone.stderrText == "footage: cannot run \(scratch.path("footage-lean")): no such file or directory"
            + " (footage-lean must be installed beside footage)\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path(".footage")))

        try FileManager.default.copyItem(atPath: BuiltProducts.footageLean.path, toPath: scratch.path("footage-lean"))
        let help = try ChildProcess.run(URL(fileURLWithPath: launcher), ["--help"])
        #expect(help.status == 70)
        #expect(help.stderrText == "footage: cannot run \(scratch.path("footage-full")): no such file or directory"
            + " (footage-full must be installed beside footage)\n")
        // A lean command needs nothing but the lean tree beside it.
        #expect(try ChildProcess.run(URL(fileURLWithPath: launcher), ["init", scratch.url.path]).status == 0)
    }

    /// `footage` and `footage-lean` decide with one rule, and it names exactly the lean commands.
    @Test func theLaunchRuleNamesTheLeanCommands() {
        let named = (0..<footage_lean_command_count()).compactMap { footage_lean_command_name($0).map { String(cString: $0) } }
        #expect(Set(named) == Set(LeanCommand.allCases.map(\.rawValue)))
        #expect(named.count == LeanCommand.allCases.count)
        for command in LeanCommand.allCases {
            #expect(LeanLauncher.mayRunHere([command.rawValue, "--json"]))
            #expect(!LeanLauncher.mayRunHere([command.rawValue, "--help"]))
        }
        for line in [[], ["frames", "x"], ["analyze"], ["--version"], ["help", "clips"], ["clips", "---x"], ["demo"]] {
            #expect(!LeanLauncher.mayRunHere(line), "\(line)")
        }
    }

    /// A media command goes straight to the full tree; a catalogue command to the lean one.
    @Test(.enabled(if: ProgramTrace.available), arguments: [
        (["frames", "/no/such/clip.mp4", "--at", "1"], ["footage", "footage-full"]),
        (["--version"], ["footage", "footage-full"]),
        (["clips", "--catalogue", "/no/such/catalogue"], ["footage", "footage-lean"]),
        (["clips", "--help"], ["footage", "footage-full"]),
    ])
    func theLauncherStartsOneTree(_ arguments: [String], _ programs: [String]) throws {
        #expect(try ProgramTrace.run(arguments).programs == programs)
    }
}
