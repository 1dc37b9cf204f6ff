import Foundation
import Testing

/// `footage claims extract` as a user runs it: the built executable beside the test bundle.
@Suite struct ClaimsExtractCommandTests {
    private struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private func footage(_ arguments: [String]) throws -> Run {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("footage")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    private var article: String { ClaimsFixtures.directory.appendingPathComponent("deserters-article.txt").path }

    @Test func listsOneProposedClaimPerLineOnStdout() throws {
        let run = try footage(["claims", "extract", article])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n") == [
            "c1  duration  \"a 9-second clip\"  [8.5, 9.5)  duration_half_unit  720..<735",
            "c2  event  \"In the sixth second\"  [5, 6)  ordinal_second  848..<867  shot ×1  ambiguous: also \"at 0:06\" [5.5, 6.5)",
            "c3  order  \"followed by two shots\"  followed_by  906..<927  shot ×2  after c2",
        ])
        #expect(run.stderr.contains("3 proposed claims"))
    }

    @Test func jsonOutputIsAClaimsFile() throws {
        let run = try footage(["claims", "extract", article, "--json", "--article", "deserters"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["article"] as? String == "deserters")
        #expect((object?["claims"] as? [Any])?.count == 3)
        #expect(!run.stdout.contains("proposed"))
    }

    @Test func aMissingFileExitsWithNoInput() throws {
        let run = try footage(["claims", "extract", "/nonexistent/article.txt"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("/nonexistent/article.txt: no such file"))
        #expect(run.stdout.isEmpty)
    }

    @Test func helpNamesTheOffsetUnit() throws {
        let run = try footage(["claims", "extract", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("UTF-16 code units"))
    }
}
