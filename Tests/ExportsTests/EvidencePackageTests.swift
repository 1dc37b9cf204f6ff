import Exports
import FootageModel
import Foundation
import Testing
import TestSupport

@Suite("Evidence package")
struct EvidencePackageTests {
    /// The stand-in clip and a frame image, both generated with ffmpeg, in a manifest whose
    /// clip identity is the clip's real SHA-256.
    static func package() throws -> (package: EvidencePackage, clipSHA: String, clipPath: String) {
        let clipPath = try Fixtures.standIn().path
        let framePath = try Fixtures.make("frame.png", ["-f", "lavfi", "-i", "testsrc2=s=64x48:r=25:d=1", "-frames:v", "1"]).path
        let clipSHA = String(try Command.run("sha256sum", [clipPath]).output.prefix(64))
        let frameSHA = String(try Command.run("sha256sum", [framePath]).output.prefix(64))
        let size = try FileManager.default.attributesOfItem(atPath: clipPath)[.size] as? Int64 ?? 0

        var manifest = ExportManifestTests.example()
        let placeholder = SchemaOrgTests.sha
        manifest.clips[0].sha256 = clipSHA
        manifest.clips[0].size = size
        for index in manifest.claims.indices {
            manifest.claims[index].clipSHA256s = manifest.claims[index].clipSHA256s.map { $0 == placeholder ? clipSHA : $0 }
        }
        for index in manifest.verdicts.indices { manifest.verdicts[index].clipSHA256 = clipSHA }
        for index in manifest.custody.indices { manifest.custody[index].subject = clipSHA }
        manifest.frames = [ExportFrame(clipSHA256: clipSHA, time: MediaTime(pts: 135, timeBase: Rational(1, 25)),
                                       path: "5.400.png", sha256: frameSHA)]
        let package = EvidencePackage(manifest: manifest, clipFiles: [clipSHA: clipPath], frameFiles: ["5.400.png": framePath],
                                      review: SchemaOrgTests.context)
        return (package, clipSHA, clipPath)
    }

    @Test func fullBagValidatesAndHoldsTheClipByteForByte() throws {
        let (package, clipSHA, _) = try Self.package()
        let scratch = try ScratchFolder()
        let bag = scratch.file("evidence")
        let written = try BagWriter(directory: bag).write(try package.payload(), info: BagWriterTests.info)
        #expect(written.payload.first { $0.path == "data/clips/stand in.mp4" }?.sha256 == clipSHA)
        #expect(written.payload.map(\.path) == [
            "data/manifest.json", "data/prov.json", "data/claims.jsonld", "data/clips/stand in.mp4",
            "data/tracks/\(clipSHA).vtt", "data/frames/5.400.png",
        ])
        let reference = try Command.run("python3", ["-m", "bagit", "--validate", bag])
        #expect(reference.status == 0, "bagit: \(reference.errors)")
        #expect(BagVerifier().verify(bagAt: bag) == [])
    }

    @Test func tracksReadBackWithTheClaimedIntervalAndTheImpulses() throws {
        let (package, clipSHA, _) = try Self.package()
        let clip = package.manifest.clips[0]
        let scratch = try ScratchFolder()
        let claims = try scratch.write("claims.vtt", try ClaimTrack.claims(for: clip, claims: package.manifest.claims,
                                                                           verdicts: package.manifest.verdicts).render())
        let read = try WebVTTTests.readWithReference(claims)
        #expect(read.map(\.start) == ["00:00:05.000"])
        #expect(read.map(\.end) == ["00:00:06.000"])
        #expect(read.first?.text == "A shot is fired in the sixth second\nfootage cannot settle the claimed timing")

        let events = try scratch.write("events.vtt", try ClaimTrack.events(for: clip).render())
        let eventCues = try WebVTTTests.readWithReference(events)
        // Three detections at the stand-in's impulse onsets and the person's mark of the first,
        // in time order (the detection first where they coincide).
        #expect(eventCues.map(\.start) == ["00:00:05.400", "00:00:05.400", "00:00:06.100", "00:00:06.550"])
        #expect(eventCues.map(\.identifier) == ["detected-1", "marked-1", "detected-2", "detected-3"])
        #expect(eventCues[1].json == #"{"by": "Checker B", "label": "first shot, left soldier", "source": "marked", "time": 5.4}"#)
        #expect(clipSHA.count == 64)
    }

    @Test func oneTrackPerClipHoldsClaimsDetectionsAndMarks() throws {
        let (package, _, _) = try Self.package()
        let clip = package.manifest.clips[0]
        let scratch = try ScratchFolder()
        let track = ClaimTrack.track(for: clip, claims: package.manifest.claims, verdicts: package.manifest.verdicts,
                                     events: true, marks: true)
        let cues = try WebVTTTests.readWithReference(try scratch.write("clip.vtt", try track.render()))
        #expect(cues.map(\.identifier) == ["claim-c2", "detected-1", "marked-1", "detected-2", "detected-3"])
        #expect(cues.map(\.start) == ["00:00:05.000", "00:00:05.400", "00:00:05.400", "00:00:06.100", "00:00:06.550"])
        #expect(cues[2].text == "marked by Checker B at 5.4 s: first shot, left soldier")

        let claimsOnly = ClaimTrack.track(for: clip, claims: package.manifest.claims, verdicts: package.manifest.verdicts,
                                          events: false, marks: false)
        #expect(try WebVTTTests.readWithReference(try scratch.write("claims.vtt", try claimsOnly.render())).count == 1)
    }

    @Test func linkOffsetMovesTheClaimIntoClipTime() throws {
        var (package, clipSHA, _) = try Self.package()
        let index = try #require(package.manifest.claims.firstIndex { $0.id == "c2" })
        package.manifest.claims[index].clipOffsets = [clipSHA: MediaTime(pts: 3, timeBase: Rational(1, 2))]
        let clip = package.manifest.clips[0]
        let track = ClaimTrack.claims(for: clip, claims: package.manifest.claims, verdicts: package.manifest.verdicts)
        #expect(track.cues.map(\.startMilliseconds) == [6500])
        #expect(track.cues.map(\.endMilliseconds) == [7500])
    }

    @Test func provenanceReadsBackWithTheReference() throws {
        let (package, _, _) = try Self.package()
        let text = try EvidenceProvenance.document(package.manifest).render()
        let program = """
        import json, sys
        from prov.model import ProvDocument
        doc = ProvDocument.deserialize(content=sys.stdin.read(), format='json')
        counts = {}
        for record in doc.get_records():
            counts[type(record).__name__] = counts.get(type(record).__name__, 0) + 1
        print(json.dumps(counts))
        """
        let result = try Command.run("python3", ["-c", program], input: text)
        #expect(result.status == 0, "prov: \(result.errors)")
        let counts = try JSONDecoder().decode([String: Int].self, from: Data(result.output.utf8))
        // 1 clip + 3 claims + 3 verdicts + 1 frame; the tool and the archivist (who collected
        // the clip and registered it); 2 custody events.
        #expect(counts["ProvEntity"] == 8)
        #expect(counts["ProvAgent"] == 2)
        #expect(counts["ProvActivity"] == 2)
        #expect(counts["ProvGeneration"] == 1)
        #expect(counts["ProvUsage"] == 1)
        #expect(counts["ProvDerivation"] == 7)
        #expect(counts["ProvAttribution"] == 1)
        #expect(counts["ProvAssociation"] == 2)
    }

    @Test func refusesAClipWithoutItsFile() throws {
        var (package, _, _) = try Self.package()
        package.clipFiles = [:]
        #expect(throws: ExportError.self) { try package.payload() }
    }
}
