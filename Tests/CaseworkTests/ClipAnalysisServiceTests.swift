import Casework
import Catalogue
import FootageModel
import Foundation
import TestSupport
import Testing

@Suite struct ClipAnalysisServiceTests {
    @Test func analysesOnceStoresWithCustodyAndReusesAfterwards() async throws {
        let test = try CaseworkCatalogue()
        let clipID = try await test.register(Fixtures.standIn().path)
        let service = ClipAnalysisService(catalogue: test.catalogue)

        let first = try service.analysis(clipID: clipID)
        let onsets = try #require(first.report.audio).events.map { Double($0.onsetMs) / 1000 }
        #expect(onsets.count == Fixtures.standInImpulses.count)
        for (found, truth) in zip(onsets, Fixtures.standInImpulses) { #expect(abs(found - truth) <= 0.02) }
        let analysed = try test.events(clipID, .analysed)
        #expect(analysed.count == 1)
        #expect(analysed.first?.details.contains("\"analysis\":\(first.id)") == true)
        #expect(analysed.first?.details.contains("\"audioEvents\":3") == true)

        let second = try service.analysis(clipID: clipID)
        #expect(second == first)
        #expect(try test.events(clipID, .analysed).count == 1)

        let again = try service.analyseAgain(clipID: clipID)
        #expect(again.id > first.id)
        #expect(again.report == first.report)
        #expect(try test.catalogue.latestAnalysis(clipID: clipID)?.id == again.id)
        #expect(try test.events(clipID, .analysed).count == 2)
    }

    @Test func clipWithoutAudioRecordsNullAudioCount() async throws {
        let test = try CaseworkCatalogue()
        let clipID = try await test.register(Fixtures.standIn(audio: false, name: "standin-silent.mp4").path)
        let stored = try ClipAnalysisService(catalogue: test.catalogue).analysis(clipID: clipID)
        #expect(stored.report.audio == nil)
        let event = try #require(try test.events(clipID, .analysed).first)
        #expect(event.details.contains("\"audioEvents\":null"))
    }

    @Test func inPlaceClipIsReadWhereItWasRegistered() async throws {
        let test = try CaseworkCatalogue()
        let path = test.scratch.path("kept.mp4")
        try FileManager.default.copyItem(atPath: Fixtures.standIn().path, toPath: path)
        let clipID = try await test.register(path, inPlace: true)
        let stored = try ClipAnalysisService(catalogue: test.catalogue).analysis(clipID: clipID)
        #expect(stored.report.path == path)
        #expect(stored.report.audio?.events.count == 3)
    }

    @Test func missingInPlaceBytesNameTheClip() async throws {
        let test = try CaseworkCatalogue()
        let path = test.scratch.path("moved.mp4")
        try FileManager.default.copyItem(atPath: Fixtures.standIn().path, toPath: path)
        let clipID = try await test.register(path, inPlace: true)
        try FileManager.default.removeItem(atPath: path)
        #expect {
            try ClipAnalysisService(catalogue: test.catalogue).analysis(clipID: clipID)
        } throws: { error in
            guard case let .clipBytesMissing(_, missing) = error as? CaseworkError else { return false }
            return missing == path && "\(error)".contains("not readable at \(path)")
        }
    }
}
