import Catalogue
import FootageModel
import Foundation
import TestSupport
import Testing
import Vault

/// `footage frames` and `footage analyze` on registered clips, through the built executable and a
/// real catalogue.
@Suite struct ClipCommandTests {
    /// A catalogue made with `footage init` holding the stand-in clip, registered with `footage register`.
    struct Registered {
        let folder: URL
        let digest: String
        var prefix: String { String(digest.prefix(12)) }

        init() throws {
            folder = try FootageCommand.temporaryFolder()
            let clip = try Fixtures.standIn()
            #expect(try FootageCommand.run(["init", folder.path]).status == 0)
            let registered = try FootageCommand.run(["register", clip.path, "--source", "https://example.org/standin",
                                                     "--catalogue", folder.path])
            #expect(registered.status == 0, "\(registered.stderr)")
            digest = String(decoding: try Fixtures.run("sha256sum", [clip.path]).prefix(64), as: UTF8.self)
        }

        func run(_ arguments: [String]) throws -> FootageCommand.Result {
            try FootageCommand.run(arguments + ["--catalogue", folder.path])
        }

        func open() throws -> (catalogue: Catalogue, clipID: Int64) {
            let catalogue = try Catalogue.open(CatalogueLocation.inside(folder.path),
                                               identity: CustodyIdentity(actor: "tester", toolVersion: "test"))
            return (catalogue, try catalogue.resolveClip(digest))
        }

        func count(_ action: CustodyAction) throws -> Int {
            let (catalogue, clipID) = try open()
            return try catalogue.events(clipID: clipID).filter { $0.action == action }.count
        }

        func objectCount() throws -> Int { try open().catalogue.vault.storedFiles().count }
    }

    @Test func framesOfAClipAreStoredOnceAndCopiedOut() throws {
        let clip = try Registered()
        defer { try? FileManager.default.removeItem(at: clip.folder) }
        let out = clip.folder.appendingPathComponent("out")
        let first = try clip.run(["frames", clip.prefix, "--at", "5.5,6", "--json", "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        try FootageCommand.validate(first.stdout, definition: "frameSet")
        let set = try JSONDecoder().decode(FrameSet.self, from: first.stdout)
        #expect(set.path == clip.digest)
        #expect(set.frames.map(\.index) == [137, 150])
        #expect(set.frames.map(\.playerMs) == [5480, 6000])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == ["frame-005480ms.png", "frame-006000ms.png"])
        #expect(try clip.count(.derived) == 2)
        let objects = try clip.objectCount()
        #expect(objects == 3)
        let (catalogue, clipID) = try clip.open()
        for stored in try catalogue.frameFiles(clipID: clipID) {
            let name = "frame-\(OutputFilesName.padded(stored.frames[0].playerMs))ms.png"
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: URL(fileURLWithPath: stored.objectPath)))
        }

        let again = clip.folder.appendingPathComponent("again")
        let second = try clip.run(["frames", clip.prefix, "--at", "5.5,6", "--json", "--out", again.path])
        #expect(second.status == 0, "\(second.stderr)")
        let reused = try JSONDecoder().decode(FrameSet.self, from: second.stdout)
        #expect(reused.frames.map(\.rgbSHA256) == set.frames.map(\.rgbSHA256))
        #expect(reused.origin == set.origin)
        #expect(try clip.count(.derived) == 2)
        #expect(try clip.objectCount() == objects)
        #expect(try FileManager.default.contentsOfDirectory(atPath: again.path).count == 2)
    }

    @Test func sheetOfAClipIsStoredOnce() throws {
        let clip = try Registered()
        defer { try? FileManager.default.removeItem(at: clip.folder) }
        let out = clip.folder.appendingPathComponent("out")
        for _ in 0..<2 {
            let result = try clip.run(["frames", clip.prefix, "--at", "5,5.5,6", "--sheet", "--out", out.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(String(decoding: result.stdout, as: UTF8.self) == out.appendingPathComponent("sheet.png").path + "\n")
        }
        #expect(try clip.count(.derived) == 1)
        #expect(try clip.objectCount() == 2)
        let (catalogue, clipID) = try clip.open()
        let sheet = try #require(try catalogue.frameFiles(clipID: clipID).first)
        #expect(sheet.key.kind == "sheet")
        #expect(sheet.frames.map(\.playerMs) == [5000, 5480, 6000])
    }

    @Test func analyzeStoresTheAnalysisOnceUnlessAskedAgain() throws {
        let clip = try Registered()
        defer { try? FileManager.default.removeItem(at: clip.folder) }
        let first = try clip.run(["analyze", clip.prefix, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        try FootageCommand.validate(first.stdout, definition: nil)
        let reports = try JSONDecoder().decode([AnalysisReport].self, from: first.stdout)
        let onsets = try #require(reports.first?.audio).events.map { Double($0.onsetMs) / 1000 }
        #expect(onsets.count == 3)
        for (found, truth) in zip(onsets, Fixtures.standInImpulses) { #expect(abs(found - truth) <= 0.02) }
        #expect(try clip.count(.analysed) == 1)
        let (catalogue, clipID) = try clip.open()
        #expect(try catalogue.latestAnalysis(clipID: clipID)?.report == reports.first)

        let second = try clip.run(["analyze", clip.prefix, "--json"])
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.contains("showing the analysis stored"))
        #expect(try clip.count(.analysed) == 1)

        let text = try clip.run(["analyze", clip.prefix, "--again"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(String(decoding: text.stdout, as: UTF8.self).contains("3 impulsive sounds"))
        #expect(try clip.count(.analysed) == 2)
    }

    @Test func anArgumentThatIsNeitherFileNorClipExitsWithMissingInput() throws {
        let clip = try Registered()
        defer { try? FileManager.default.removeItem(at: clip.folder) }
        let unknown = try clip.run(["frames", "deadbeef", "--at", "1"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("deadbeef is neither a file nor a registered clip"))
        let missing = try clip.run(["analyze", "no-such-clip.mp4"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no-such-clip.mp4 is neither a file nor a clip hash"))
    }
}

/// The six-digit millisecond padding `footage frames` puts in image names.
enum OutputFilesName {
    static func padded(_ ms: Int64) -> String {
        let digits = String(ms)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
