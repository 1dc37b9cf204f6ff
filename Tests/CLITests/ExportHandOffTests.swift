import Foundation
import TestSupport
import Testing

/// `footage export manifest|prov|jsonld` runs without media libraries when every frame it needs
/// is stored, and hands the command line to `footage-full` when one must be taken first.
@Suite struct ExportHandOffTests {
    /// The manifest without the moment it was made, which differs between any two runs.
    private func comparable(_ output: String) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        object["generated_at"] = nil
        object["generatedAt"] = nil
        return object as NSDictionary
    }

    @Test(.enabled(if: ProgramTrace.available))
    func aFrameNotYetStoredIsTakenByTheFullTreeAndFoundAfterwards() throws {
        let example = try ExportCase.make()
        let arguments = ["export", "manifest", "--catalogue", example.catalogue]

        let first = try ProgramTrace.run(arguments)
        #expect(first.run.status == 0, "\(first.run.stderrText)")
        #expect(first.programs == ["footage", "footage-lean", "footage-full"], "the marked moment's frame is taken by footage-full")

        let second = try ProgramTrace.run(arguments)
        #expect(second.run.status == 0, "\(second.run.stderrText)")
        #expect(second.programs == ["footage", "footage-lean", "footage-probe-worker"],
                "frames stored: footage-lean writes the manifest, asking the worker only for the library versions")
        // (The first manifest's custody log was read before the frame was stored, so the runs
        // compared are two with the frame stored: footage's and footage-full's.)
        let full = try ChildProcess.run(BuiltProducts.footageFull, arguments)
        #expect(full.status == 0)
        #expect(try comparable(second.run.stdoutText) == comparable(full.stdoutText))
        #expect(second.run.stderrText == full.stderrText)
    }

    @Test(.enabled(if: ProgramTrace.available))
    func vttNeedsNoMediaWork() throws {
        let example = try ExportCase.make()
        let arguments = ["export", "vtt", String(example.clipSHA.prefix(12)), "--catalogue", example.catalogue]
        let lean = try ProgramTrace.run(arguments)
        #expect(lean.run.status == 0)
        #expect(lean.programs == ["footage", "footage-lean"])
        let full = try ChildProcess.run(BuiltProducts.footageFull, arguments)
        #expect(full.stdoutText == lean.run.stdoutText)
    }
}
