import Foundation
import Testing
import TestSupport

/// `footage demo DIR` replays the worked example end to end with the built binary.
@Suite struct DemoTests {
    @Test func demoRunsTheWorkedExampleReadablyAt100Columns() throws {
        let scratch = try ScratchFolder("footage-demo-test")
        let folder = scratch.path("case")
        let run = try FootageRun.run(["demo", folder])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "demo folder: \(folder)")
        // The provenance and the verdict tables are laid out for 100 columns (paths of the
        // temporary folder elsewhere may be longer).
        let start = try #require(lines.firstIndex { $0.hasPrefix("== provenance") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("== what still needs work") })
        let wide = lines[start..<end].filter { $0.count > 100 }
        #expect(wide.isEmpty, "lines wider than 100 columns: \(wide)")
        // The three impulses the stand-in was made with, heard by the analysis.
        #expect(run.stdout.contains("3 impulsive sounds"))
        for row in ["length      a 9-second clip", "first-shot  in the sixth second", "two-shots   2 × shot"] {
            let line = lines.first { $0.hasPrefix(row) }
            #expect(line?.hasSuffix("consistent") == true, "no consistent row for \(row)")
        }
        #expect(run.stdout.contains("other reading, at 0:06 [5.5, 6.5): consistent"))
        #expect(run.stdout.contains("custody log"))
        #expect(run.stdout.contains("no_clip_linked"))
        #expect(run.stdout.contains("described_footage_not_registered"))
        for image in ["frame-005000ms.png", "frame-005480ms.png", "frame-006000ms.png", "sheet.png"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/frames/\(image)"), "\(image) missing")
        }
        // The verdicts were stored: a second check of the clip changes none of them.
        let again = try FootageRun.run(["check", "--json", "--catalogue", folder])
        #expect(again.status == 0)
        let verdicts = try #require(try again.json() as? [[String: Any]])
        #expect(verdicts.count == 8)
        #expect(verdicts.filter { $0["outcome"] as? String == "consistent" }.count == 3)
    }

    @Test func demoRefusesAFolderThatHoldsACatalogue() throws {
        let scratch = try ScratchFolder("footage-demo-test")
        let initialised = try FootageRun.run(["init", scratch.url.path])
        #expect(initialised.status == 0)
        let run = try FootageRun.run(["demo", scratch.url.path])
        #expect(run.status == 64)
        #expect(run.stderr.contains("already holds a catalogue"))
    }
}
