@testable import Catalogue
import FootageModel
import Foundation
import TestSupport
import Testing
import Vault

@Suite struct RegistrationTests {
    @Test func registersACopyWithItsDigestAndProbeFacts() async throws {
        let test = try TestCatalogue()
        let clip = try FixtureCatalogue.h264AACMP4()
        let results = await test.register([clip.path])
        let digest = try #require(results.first?.digest)
        #expect(digest.hex == (try sha256sum(clip.path)))
        let objectPath = test.catalogue.objectPath(for: digest)
        #expect(try sha256sum(objectPath) == digest.hex)
        let mode = try FileManager.default.attributesOfItem(atPath: objectPath)[.posixPermissions] as? Int
        #expect(mode == 0o444)

        let stored = try test.catalogue.clip(id: test.catalogue.resolveClip(String(digest.hex.prefix(8))))
        let facts = try #require(stored.probe?.facts)
        #expect(facts.container?.contains("mp4") == true)
        #expect(facts.videoCodec == "h264")
        #expect(facts.width == 320 && facts.height == 240)
        #expect(facts.frameRate == Rational(25, 1))
        #expect(facts.audioCodec == "aac")
        let seconds = try #require(facts.duration).seconds
        #expect(abs(seconds - 2.0) < 0.1)
        #expect(stored.probe?.recordJSON?.contains("\"streams\"") == true)
        #expect(stored.collection.sourceURL == "https://example.org/clip")
        #expect(stored.collection.collectedAt == "2024-03-02T09:30:00.000Z")
        #expect(stored.collection.libraryVersions["sqlite"] != nil)
        #expect(stored.inVault && stored.inPlacePath == nil)
        #expect(try test.catalogue.vault.temporaryFiles().isEmpty)
    }

    @Test func sameBytesAgainAddCustodyNotACopy() async throws {
        let test = try TestCatalogue()
        let clip = try FixtureCatalogue.h264AACMP4()
        let copy = test.scratch.path("renamed.mp4")
        try FileManager.default.copyItem(atPath: clip.path, toPath: copy)
        _ = await test.register([clip.path], source: "https://example.org/first")
        let second = await test.register([copy], source: "https://example.org/second")
        guard case let .registered(digest, _, newClip, _) = try #require(second.first?.outcome) else {
            Issue.record("second registration failed: \(second)")
            return
        }
        #expect(!newClip)
        #expect(try test.catalogue.clipSummaries().count == 1)
        #expect(try test.catalogue.vault.storedFiles().count == 1)
        let history = try test.catalogue.provenance(clipID: test.catalogue.resolveClip(digest.hex))
        #expect(history.collections.map(\.sourceURL) == ["https://example.org/first", "https://example.org/second"])
        #expect(history.collections[1].originalName == ClipFileName("renamed.mp4"))
        #expect(history.events.map(\.action) == [.registered, .probed, .recollected])
        #expect(history.events[2].details.contains("https://example.org/second"))
    }

    @Test func inPlaceKeepsThePathAndCopiesNothing() async throws {
        let test = try TestCatalogue()
        let file = try test.scratch.write("kept.bin", Data("in place evidence".utf8))
        let results = await test.register([file], inPlace: true)
        let digest = try #require(results.first?.digest)
        let stored = try test.catalogue.clip(id: test.catalogue.resolveClip(digest.hex))
        #expect(!stored.inVault)
        #expect(stored.inPlacePath == ClipFileName(file))
        #expect(try test.catalogue.vault.storedFiles().isEmpty)
        #expect(try await test.catalogue.verify(repair: false).outstanding.isEmpty)

        try Data("in place evidencE".utf8).write(to: URL(fileURLWithPath: file))
        let report = try await test.catalogue.verify(repair: false)
        #expect(report.outstanding.map(\.kind) == [.changed])
    }

    @Test func aFileThatCannotBeProbedIsStillRegistered() async throws {
        let test = try TestCatalogue()
        let file = try test.scratch.write("notes.mp4", Data("this is text, not video\n".utf8))
        let results = await test.register([file])
        let digest = try #require(results.first?.digest)
        let stored = try test.catalogue.clip(id: test.catalogue.resolveClip(digest.hex))
        #expect(stored.probe?.failure?.reason == "unsupported_format")
        #expect(stored.probe?.facts == nil)
        #expect(try test.catalogue.clipSummaries().first?.probeFailure == "unsupported_format")
    }

    @Test func foldersRecurseAndOtherKindsAreSkipped() async throws {
        let test = try TestCatalogue()
        let folder = test.scratch.path("in")
        try FileManager.default.createDirectory(atPath: folder + "/deeper", withIntermediateDirectories: true)
        try test.scratch.write("in/a.bin", Data([1, 2, 3]))
        try test.scratch.write("in/deeper/b.bin", Data([4, 5, 6]))
        #expect(mkfifo(folder + "/pipe", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/a.bin")
        let results = await test.register([folder, "/dev/null"])
        var registered = 0
        var skipped: [FileKind] = []
        for result in results {
            switch result.outcome {
            case .registered: registered += 1
            case let .skipped(kind): skipped.append(kind)
            case let .failed(failure): Issue.record("unexpected failure: \(failure)")
            }
        }
        #expect(registered == 2)
        #expect(skipped.sorted(by: { $0.rawValue < $1.rawValue }) == [.characterDevice, .fifo, .symlink])
    }

    @Test func aMissingPathFailsAloneAndOthersAreRegistered() async throws {
        let test = try TestCatalogue()
        let file = try test.scratch.write("ok.bin", Data([9, 9, 9]))
        let results = await test.register([test.scratch.path("absent.mp4"), file])
        guard case let .failed(failure) = try #require(results.first?.outcome) else {
            Issue.record("expected a failure for the missing path")
            return
        }
        #expect(failure.kind == .missingInput)
        #expect(failure.message.contains("absent.mp4"))
        #expect(results.last?.digest != nil)
    }

    @Test func clipPrefixesResolveOrExplain() async throws {
        let test = try TestCatalogue()
        var digests: [SHA256Digest] = []
        // Enough small files that two share a first hex digit.
        for index in 0..<20 {
            let file = try test.scratch.write("f\(index).bin", Data("content \(index)".utf8))
            digests += await test.register([file]).compactMap(\.digest)
        }
        let full = digests[0]
        #expect(try test.catalogue.resolveClip(full.hex.uppercased()) == test.catalogue.resolveClip(full.hex))
        let shared = try #require(Dictionary(grouping: digests, by: { $0.hex.prefix(1) }).first { $0.value.count > 1 })
        #expect {
            try test.catalogue.resolveClip(String(shared.key))
        } throws: { error in
            guard case let .ambiguousClip(_, candidates) = error as? CatalogueError else { return false }
            return Set(candidates) == Set(shared.value)
        }
        #expect(throws: CatalogueError.self) { try test.catalogue.resolveClip("zz") }
        let unused = try #require(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
            .flatMap { a in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"].map { a + $0 } }
            .first { prefix in !digests.contains { $0.hex.hasPrefix(prefix) } })
        #expect {
            try test.catalogue.resolveClip(unused)
        } throws: { error in
            if case .noSuchClip = error as? CatalogueError { return true }
            return false
        }
    }

    @Test func derivedFilesAreStoredByHashAndKeptByRepair() async throws {
        let test = try TestCatalogue()
        let file = try test.scratch.write("clip.bin", Data([1, 2, 3, 4]))
        let digest = try #require(await test.register([file]).first?.digest)
        let clipID = try test.catalogue.resolveClip(digest.hex)
        let frame: [UInt8] = Array("not really a png".utf8)
        let stored = try test.catalogue.storeDerivedFile(frame, clipID: clipID, kind: "frame", mediaType: "image/png")
        #expect(try sha256sum(test.catalogue.objectPath(for: stored)) == stored.hex)
        try test.catalogue.storeDerivedFile(frame, clipID: clipID, kind: "frame", mediaType: "image/png")
        let report = try await test.catalogue.verify(repair: true)
        #expect(report.findings.isEmpty)
        #expect(test.catalogue.vault.contains(stored))
        #expect(try test.catalogue.events(clipID: clipID).filter { $0.action == .derived }.count == 1)
    }
}
