import Casework
import Catalogue
import FootageModel
import Foundation
import MediaAnalysis
import TestSupport
import Vault
import Testing

@Suite struct ClipFrameServiceTests {
    /// At 25 fps the frame on screen at 5.5 s is frame 137, presented from 5.48 s.
    @Test func frameIsStoredOnceAndReused() async throws {
        let test = try CaseworkCatalogue()
        let clipID = try await test.register(Fixtures.standIn().path)
        let service = ClipFrameService(catalogue: test.catalogue)

        let first = try service.frame(clipID: clipID, atPlayerMs: 5500)
        let record = try #require(first.frames.first)
        #expect(record.index == 137)
        #expect(record.playerMs == 5480)
        #expect(record.requestedMs == 5500)
        #expect(record.rgbSHA256.count == 64)
        #expect(first.key == FrameFileKey(kind: "frame", format: "png", rendering: "width=decoded rotation=display",
                                          request: "at 5500ms"))
        #expect(first.mediaType == "image/png")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first.objectPath))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try test.events(clipID, .derived).count == 1)
        let objects = try test.catalogue.vault.storedFiles().count

        let second = try service.frame(clipID: clipID, atPlayerMs: 5500)
        #expect(second == first)
        #expect(try test.events(clipID, .derived).count == 1)
        #expect(try test.catalogue.vault.storedFiles().count == objects)
        #expect(try test.catalogue.frameFiles(clipID: clipID) == [first])
    }

    @Test func formatAndWidthAreSeparateFiles() async throws {
        let test = try CaseworkCatalogue()
        let clipID = try await test.register(Fixtures.standIn().path)
        let service = ClipFrameService(catalogue: test.catalogue)
        let png = try service.frame(clipID: clipID, atPlayerMs: 6000)
        let jpg = try service.frame(clipID: clipID, atPlayerMs: 6000, rendering: FrameRendering(format: .jpg))
        let small = try service.frame(clipID: clipID, atPlayerMs: 6000, rendering: FrameRendering(width: 160))
        #expect(Set([png.digest, jpg.digest, small.digest]).count == 3)
        #expect(jpg.mediaType == "image/jpeg")
        #expect(png.frames == jpg.frames)
        #expect(try test.events(clipID, .derived).count == 3)
    }

    @Test func severalTimesDecodeOnlyWhatIsNotStored() async throws {
        let test = try CaseworkCatalogue()
        let clipID = try await test.register(Fixtures.standIn().path)
        let service = ClipFrameService(catalogue: test.catalogue)
        _ = try service.frame(clipID: clipID, atPlayerMs: 5000)
        let files = try service.frames(clipID: clipID, selection: .at([6000, 5000, 5500]))
        #expect(files.map { $0.frames[0].requestedMs } == [6000, 5000, 5500])
        #expect(files.map { $0.frames[0].index } == [150, 125, 137])
        #expect(try test.events(clipID, .derived).count == 3)
    }

    @Test func sheetIsStoredOnceWithItsFrames() async throws {
        let test = try CaseworkCatalogue()
        let clipID = try await test.register(Fixtures.standIn().path)
        let service = ClipFrameService(catalogue: test.catalogue)
        let sheet = try service.sheet(clipID: clipID, selection: .at([5000, 5500, 6000]))
        #expect(sheet.key.kind == "sheet")
        #expect(sheet.key.request == "at 5000ms,5500ms,6000ms")
        #expect(sheet.frames.map(\.index) == [125, 137, 150])
        let objects = try test.catalogue.vault.storedFiles().count
        let again = try service.sheet(clipID: clipID, selection: .at([5000, 5500, 6000]))
        #expect(again == sheet)
        #expect(try test.catalogue.vault.storedFiles().count == objects)
        #expect(try test.events(clipID, .derived).count == 1)
    }

    @Test func keyframesAreFoundByTimestamp() async throws {
        let test = try CaseworkCatalogue()
        let clipID = try await test.register(Fixtures.standIn().path)
        let service = ClipFrameService(catalogue: test.catalogue)
        let first = try service.frames(clipID: clipID, selection: .keyframes, rendering: FrameRendering(width: 64))
        #expect(!first.isEmpty)
        #expect(first.allSatisfy { $0.frames[0].isKeyframe && $0.key.request == "pts \($0.frames[0].pts)" })
        let count = try test.events(clipID, .derived).count
        _ = try service.frames(clipID: clipID, selection: .keyframes, rendering: FrameRendering(width: 64))
        #expect(try test.events(clipID, .derived).count == count)
    }
}
