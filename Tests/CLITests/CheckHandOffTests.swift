import Foundation
import TestSupport
import Testing

/// `footage check` runs in the process without media libraries when the catalogue holds all it
/// needs (the analysis and the frames at the claimed moments), and hands the unchanged command
/// line to `footage-full` when a clip must be decoded, having stored nothing.
@Suite struct CheckHandOffTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
    func aClipNeverAnalysedIsCheckedByTheFullTreeAndAStoredOneWithoutIt() throws {
        let example = try CheckCase(clip: try Fixtures.standIn())
        let arguments = ["check", "--json", "--catalogue", example.catalogue]

        let first = try ProgramTrace.run(arguments)
        #expect(first.run.status == 0, "\(first.run.stderrText)")
        #expect(first.programs == ["footage", "footage-lean", "footage-full"], "the analysis needs footage-full")
        // The hand-off stored nothing: one analysis, one verdict per linked claim.
        let counts = try example.eventCounts()
        #expect(counts["analysed"] == 1)
        #expect(counts["checked"] == CheckCase.linked.count)

        let second = try ProgramTrace.run(arguments)
        #expect(second.run.status == 0)
        #expect(second.programs == ["footage", "footage-lean"], "analysis and frames are stored: nothing is decoded")
        #expect(second.run.stdoutText == first.run.stdoutText, "the same verdicts either way")
        #expect(second.run.stderrText == first.run.stderrText)
        #expect(try example.eventCounts()["checked"] == 2 * CheckCase.linked.count)
    }

    @Test func aStoredCheckLoadsNoMediaLibraryAndPrintsWhatTheFullTreePrints() throws {
        let example = try CheckCase(clip: try Fixtures.standIn())
        let arguments = ["check", "--catalogue", example.catalogue]
        let made = try ChildProcess.run(BuiltProducts.footageFull, arguments)
        #expect(made.status == 0)
        #expect(made.stdoutText.contains("(made now)"))

        var environment = ProcessInfo.processInfo.environment
        environment["LD_DEBUG"] = "libs"
        let lean = try ChildProcess.run(BuiltProducts.footage, arguments, environment: environment)
        #expect(lean.status == 0)
        #expect(!lean.stderrText.contains("libav"), "footage check loaded an FFmpeg library")
        #expect(lean.stdoutText.contains("(stored)"))
        let full = try ChildProcess.run(BuiltProducts.footageFull, arguments)
        #expect(full.status == lean.status)
        #expect(full.stdoutText == lean.stdoutText)
    }
}
