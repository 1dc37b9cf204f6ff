@testable import Catalogue
import FootageModel
import Foundation
import TestSupport
import Testing

@Suite struct EarlyProbeTests {
    /// A large file is probed from its source path while it is copied; the record is the same
    /// kind of record, made from the same (unchanged) bytes.
    @Test func aLargeFileIsProbedWhileItIsCopied() async throws {
        // 150 frames of 320x240 raw 4:2:0 video: 17.3 MB, above the early-probe size.
        let clip = try Fixtures.make("raw-large.avi", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=6",
                                                        "-c:v", "rawvideo", "-pix_fmt", "yuv420p"])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: clip.path)[.size] as? Int64)
        #expect(size >= Registrar.earlyProbeSize)
        let test = try TestCatalogue()
        let results = await test.register([clip.path])
        let digest = try #require(results.first?.digest)
        #expect(digest.hex == (try sha256sum(clip.path)))
        let stored = try test.catalogue.clip(id: test.catalogue.resolveClip(digest.hex))
        let facts = try #require(stored.probe?.facts)
        #expect(facts.videoCodec == "rawvideo")
        #expect(facts.width == 320 && facts.height == 240)
        #expect(abs(try #require(facts.duration).seconds - 6.0) < 0.05)
        // The early probe read the source, so the record names the source path.
        #expect(stored.probe?.recordJSON?.contains("\"filename\":\"\(clip.path)\"") == true)
    }

    /// An early probe that fails is not kept: the vault copy is probed, and its failure stored.
    @Test func aLargeFileThatIsNotMediaIsProbedAgainFromItsVaultCopy() async throws {
        let test = try TestCatalogue()
        let path = test.scratch.path("zeros.bin")
        try Data(count: Int(Registrar.earlyProbeSize) + 4096).write(to: URL(fileURLWithPath: path))
        let results = await test.register([path])
        let digest = try #require(results.first?.digest)
        let stored = try test.catalogue.clip(id: test.catalogue.resolveClip(digest.hex))
        let failure = try #require(stored.probe?.failure)
        #expect(stored.probe?.facts == nil)
        #expect(failure.message.contains(test.catalogue.objectPath(for: digest)), "\(failure.message)")
    }

    @Test func aSmallFileIsProbedFromItsVaultCopy() async throws {
        let test = try TestCatalogue()
        let clip = try FixtureCatalogue.h264AACMP4()
        let results = await test.register([clip.path])
        let digest = try #require(results.first?.digest)
        let stored = try test.catalogue.clip(id: test.catalogue.resolveClip(digest.hex))
        let objectPath = test.catalogue.objectPath(for: digest)
        #expect(stored.probe?.recordJSON?.contains("\"filename\":\"\(objectPath)\"") == true)
    }
}
