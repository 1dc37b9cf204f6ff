import Foundation
import Testing
import TestSupport

/// The export commands run by the built binary over a catalogue holding the CASE stand-in, each
/// output checked by an independent reference tool from PyPI.
@Suite("Export commands")
struct ExportCommandTests {
    @Test func bagValidatesWithBagitAndOurVerifierAndHoldsEverything() throws {
        let setup = try ExportCase.make()
        let bag = setup.scratch.path("evidence")
        let export = try setup.footage(["export", "bag", bag, "--all", "--organization", "Footage test desk"])
        #expect(export.status == 0, "export bag: \(export.stderr)")
        #expect(export.stdout.trimmingCharacters(in: .newlines) == URL(fileURLWithPath: bag).standardizedFileURL.path)

        let reference = try ToolRun.run("python3", ["-m", "bagit", "--validate", bag])
        #expect(reference.status == 0, "bagit: \(reference.stderr)")
        let ours = try FootageRun.run(["verify", "--bag", bag])
        #expect(ours.status == 0, "verify --bag: \(ours.stdout) \(ours.stderr)")

        let short = String(setup.clipSHA.prefix(12))
        let files = try Self.payloadFiles(bag)
        let name = URL(fileURLWithPath: setup.clipPath).lastPathComponent
        for expected in ["manifest.json", "prov.json", "claims.jsonld", "claims.json", "verdicts.json", "marks.json", "custody.json",
                         "clips/\(name)", "probes/\(setup.clipSHA).json", "analyses/\(setup.clipSHA).json",
                         "tracks/\(setup.clipSHA).vtt", "frames/\(short)-005400ms.png", "frames/\(short)-005500ms.png",
                         "frames/\(short)-006000ms.png"] {
            #expect(files.contains(expected), "missing data/\(expected) in \(files.sorted())")
        }
        // The clip is in the bag byte for byte.
        let copied = try ToolRun.run("sha256sum", [bag + "/data/clips/" + name]).stdout.prefix(64)
        #expect(String(copied) == setup.clipSHA)
        // bag-info carries the reserved labels and the tool versions.
        let info = try String(contentsOfFile: bag + "/bag-info.txt", encoding: .utf8)
        for label in ["Source-Organization: Footage test desk", "Bagging-Date: ", "Payload-Oxum: ", "Bag-Size: ",
                      "External-Description: ", "Footage-Version: ", "Libavformat-Version: "] {
            #expect(info.contains(label), "bag-info.txt lacks \(label)")
        }
    }

    @Test func bagFramesAreTheFramesOnScreenAtTheClaimedMoments() throws {
        let setup = try ExportCase.make()
        let bag = setup.scratch.path("evidence")
        #expect(try setup.footage(["export", "bag", bag, "--clip", String(setup.clipSHA.prefix(10))]).status == 0)
        let manifest = try Self.json(bag + "/data/manifest.json")
        let frames = try #require(manifest["frames"] as? [[String: Any]])
        let seconds = frames.compactMap { frame -> Double? in
            guard let time = frame["time"] as? [String: Any], let pts = time["pts"] as? Int,
                  let base = time["timeBase"] as? String, let den = Double(base.split(separator: "/")[1]) else { return nil }
            return Double(pts) / den
        }
        // The mark at 5.4 s (a frame start at 25 fps), and the frames the check took at the middle
        // of each claimed interval: c4's [5, 6) at 5.5 s, when the frame shown started at 5.48 s,
        // and c2's [5.5, 6.5) at 6 s.
        #expect(seconds == [5.4, 5.48, 6.0])
        // ffmpeg decoding from the start and picking frame 135 (5.4 s) gives the same picture.
        let short = String(setup.clipSHA.prefix(12))
        let oracle = setup.scratch.path("frame135.rgb")
        let made = try ToolRun.run("ffmpeg", ["-v", "error", "-i", setup.clipPath, "-vf", "select=eq(n\\,135)",
                                              "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", oracle])
        #expect(made.status == 0, "ffmpeg: \(made.stderr)")
        let ours = setup.scratch.path("ours.rgb")
        let decoded = try ToolRun.run("ffmpeg", ["-v", "error", "-i", bag + "/data/frames/\(short)-005400ms.png",
                                                 "-f", "rawvideo", "-pix_fmt", "rgb24", ours])
        #expect(decoded.status == 0, "ffmpeg: \(decoded.stderr)")
        #expect(FileManager.default.contents(atPath: ours) == FileManager.default.contents(atPath: oracle))
    }

    @Test func exportIsACustodyEventOfEachClip() throws {
        let setup = try ExportCase.make()
        let bag = setup.scratch.path("evidence")
        #expect(try setup.footage(["export", "bag", bag, "--all"]).status == 0)
        let provenance = try setup.footage(["provenance", String(setup.clipSHA.prefix(12)), "--json"])
        #expect(provenance.status == 0, "provenance: \(provenance.stderr)")
        #expect(provenance.stdout.contains("\"exported\""))
        #expect(provenance.stdout.contains(URL(fileURLWithPath: bag).standardizedFileURL.path))
        let verify = try setup.footage(["verify"])
        #expect(verify.status == 0, "the catalogue still verifies after an export: \(verify.stdout) \(verify.stderr)")
    }

    @Test func oneChangedPayloadByteFailsBothVerifiers() throws {
        let setup = try ExportCase.make()
        let bag = setup.scratch.path("evidence")
        #expect(try setup.footage(["export", "bag", bag, "--all"]).status == 0)
        let name = URL(fileURLWithPath: setup.clipPath).lastPathComponent
        let target = bag + "/data/clips/" + name
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target)
        let handle = try #require(FileHandle(forUpdatingAtPath: target))
        try handle.seek(toOffset: 1000)
        let byte = try #require(try handle.read(upToCount: 1)?.first)
        try handle.seek(toOffset: 1000)
        try handle.write(contentsOf: Data([byte ^ 0x01]))
        try handle.close()

        let ours = try FootageRun.run(["verify", "--bag", bag, "--json"])
        #expect(ours.status == 1)
        #expect(ours.stdout.contains("checksumMismatch"))
        #expect(ours.stdout.contains("data/clips/"))
        let reference = try ToolRun.run("python3", ["-m", "bagit", "--validate", bag])
        #expect(reference.status != 0)
    }

    @Test func refusesAFolderThatIsNotEmptyAndChangesNothing() throws {
        let setup = try ExportCase.make()
        let bag = setup.scratch.path("busy")
        try FileManager.default.createDirectory(atPath: bag, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: bag + "/notes.txt"))
        let run = try setup.footage(["export", "bag", bag, "--all"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: bag) == ["notes.txt"])
    }

    @Test func plantedLinksWriteNothingOutside() throws {
        let setup = try ExportCase.make()
        let outside = setup.scratch.path("outside")
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: false)
        // The bag folder itself is a link to a folder elsewhere.
        let linkedBag = setup.scratch.path("linked-bag")
        try FileManager.default.createSymbolicLink(atPath: linkedBag, withDestinationPath: outside)
        let first = try setup.footage(["export", "bag", linkedBag, "--all"])
        #expect(first.status != 0)
        // A bag folder holding a planted `data` link to the outside folder.
        let planted = setup.scratch.path("planted")
        try FileManager.default.createDirectory(atPath: planted, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: planted + "/data", withDestinationPath: outside)
        let second = try setup.footage(["export", "bag", planted, "--all"])
        #expect(second.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: planted) == ["data"])
    }

    @Test func zipHoldsTheBag() throws {
        let setup = try ExportCase.make()
        let bag = setup.scratch.path("evidence")
        let run = try setup.footage(["export", "bag", bag, "--all", "--zip"])
        #expect(run.status == 0, "export bag --zip: \(run.stderr)")
        let listing = try ToolRun.run("python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))",
                                                  bag + ".zip"])
        #expect(listing.stdout.contains("evidence/bagit.txt"))
        #expect(listing.stdout.contains("evidence/data/manifest.json"))
    }

    @Test func manifestValidatesAgainstItsSchema() throws {
        let setup = try ExportCase.make()
        let run = try setup.footage(["export", "manifest"])
        #expect(run.status == 0, "export manifest: \(run.stderr)")
        let path = setup.scratch.path("manifest.json")
        try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: path))
        let program = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))
        """
        let check = try ToolRun.run("python3", ["-c", program, RepositoryPaths.path("Schemas/manifest.schema.json"), path])
        #expect(check.status == 0, "jsonschema: \(check.stderr)")
        let manifest = try Self.json(path)
        let claims = try #require(manifest["claims"] as? [[String: Any]])
        #expect(claims.compactMap { $0["id"] as? String } == ["c1", "c2", "c3", "c4"])
        let sixth = try #require(claims.first { $0["id"] as? String == "c2" }?["interval"] as? [String: Any])
        #expect(sixth["rule"] as? String == "clock_time_half_precision")
        let verdicts = try #require(manifest["verdicts"] as? [[String: Any]])
        #expect(verdicts.compactMap { $0["outcome"] as? String } == ["consistent", "inconsistent", "inconclusive", "consistent"])
        #expect(verdicts.compactMap { $0["eventSource"] as? String }.contains("marked"))
        let clip = try #require((manifest["clips"] as? [[String: Any]])?.first)
        #expect(clip["sha256"] as? String == setup.clipSHA)
        #expect(clip["sourceURL"] as? String == ExportCase.sourceURL)
        let analysis = try #require(clip["analysis"] as? [String: Any])
        let onsets = try #require(analysis["detections"] as? [[String: Any]]).filter { $0["kind"] as? String == "audio-onset" }
        #expect(onsets.count == 3)
    }

    @Test func manifestOutRefusesAnExistingFile() throws {
        let setup = try ExportCase.make()
        let path = setup.scratch.path("manifest.json")
        #expect(try setup.footage(["export", "manifest", "--out", path]).status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try JSONSerialization.jsonObject(with: written) is [String: Any])
        let again = try setup.footage(["export", "manifest", "--out", path])
        #expect(again.status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written)
    }

    @Test func provReadsBackWithTheReference() throws {
        let setup = try ExportCase.make()
        let run = try setup.footage(["export", "prov"])
        #expect(run.status == 0, "export prov: \(run.stderr)")
        let path = setup.scratch.path("prov.json")
        try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: path))
        let program = """
        import json, sys
        from prov.model import ProvDocument
        doc = ProvDocument.deserialize(source=sys.argv[1], format='json')
        counts = {}
        for record in doc.get_records():
            counts[type(record).__name__] = counts.get(type(record).__name__, 0) + 1
        print(json.dumps(counts))
        """
        let read = try ToolRun.run("python3", ["-c", program, path])
        #expect(read.status == 0, "prov: \(read.stderr)")
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Int])
        // 1 clip + 4 claims + 4 verdicts + 3 frames.
        #expect(counts["ProvEntity"] == 12)
        #expect((counts["ProvActivity"] ?? 0) >= 2)
        #expect(counts["ProvAgent"] != nil)
        #expect(counts["ProvDerivation"] != nil)
    }

    @Test func jsonldExpandsWithALocalContext() throws {
        let setup = try ExportCase.make()
        let run = try setup.footage(["export", "jsonld", "--reviewer", "Footage test desk",
                                     "--review-url", "https://example.org/review/standin"])
        #expect(run.status == 0, "export jsonld: \(run.stderr)")
        let path = setup.scratch.path("claims.jsonld")
        try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: path))
        let program = """
        import json, sys
        from pyld import jsonld
        def loader(url, options={}):
            return {'contextUrl': None, 'documentUrl': url,
                    'document': {'@context': {'@vocab': 'http://schema.org/'}}}
        jsonld.set_document_loader(loader)
        flat = jsonld.flatten(json.load(open(sys.argv[1])))
        kinds = sorted(set(t.rsplit('/', 1)[-1] for node in flat for t in node.get('@type', [])))
        print(json.dumps(kinds))
        """
        let read = try ToolRun.run("python3", ["-c", program, path])
        #expect(read.status == 0, "pyld: \(read.stderr)")
        for kind in ["ClaimReview", "MediaReview", "VideoObject", "Rating", "Claim", "Clip"] {
            #expect(read.stdout.contains("\"\(kind)\""), "no \(kind) in \(read.stdout)")
        }
        #expect(run.stdout.contains("#t=5,6"))
        #expect(run.stdout.contains("#t=5.5,6.5"))
        #expect(run.stdout.contains("footage not consistent with the claimed timing"))
        #expect(!run.stdout.contains("#t=8.5,9.5"), "a duration claim is not a moment of the clip")
        #expect(run.stdout.contains(setup.clipSHA))
    }

    @Test func vttTrackReadsBackWithTheReference() throws {
        let setup = try ExportCase.make()
        let run = try setup.footage(["export", "vtt", String(setup.clipSHA.prefix(8)), "--events", "--marks"])
        #expect(run.status == 0, "export vtt: \(run.stderr)")
        let path = setup.scratch.path("clip.vtt")
        try Data(run.stdout.utf8).write(to: URL(fileURLWithPath: path))
        let program = """
        import json, sys, webvtt
        print(json.dumps([[c.identifier, c.start, c.end] for c in webvtt.read(sys.argv[1])]))
        """
        let read = try ToolRun.run("python3", ["-c", program, path])
        #expect(read.status == 0, "webvtt: \(read.stderr)")
        let cues = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String]])
        #expect(cues.first == ["claim-c4", "00:00:05.000", "00:00:06.000"])
        #expect(cues.contains(["claim-c2", "00:00:05.500", "00:00:06.500"]))
        #expect(cues.contains(["marked-1", "00:00:05.400", "00:00:05.900"]))
        #expect(cues.filter { $0[0].hasPrefix("detected-") }.count == 3)
        // "a 9-second clip" bounds a length, not a moment: it gets no cue.
        #expect(!cues.contains { $0[0] == "claim-c1" })

        let plain = try setup.footage(["export", "vtt", String(setup.clipSHA.prefix(8))])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("marked-1"))
    }

    @Test func unknownArticleAndClipAreMissingInput() throws {
        let setup = try ExportCase.make()
        #expect(try setup.footage(["export", "manifest", "--article", "no-such-article"]).status == 66)
        #expect(try setup.footage(["export", "vtt", "ffffffff"]).status == 66)
        let byArticle = try setup.footage(["export", "manifest", "--article", "deserters-2026"])
        #expect(byArticle.status == 0)
        #expect(byArticle.stdout.contains(setup.clipSHA))
    }

    @Test func verifyBagStatuses() throws {
        let scratch = try ScratchFolder("verify-bag")
        let missing = try FootageRun.run(["verify", "--bag", scratch.path("nothing-here")])
        #expect(missing.status == 66)
        let notABag = scratch.path("plain")
        try FileManager.default.createDirectory(atPath: notABag, withIntermediateDirectories: false)
        let plain = try FootageRun.run(["verify", "--bag", notABag, "--json"])
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("missingBagDeclaration"))
    }

    static func payloadFiles(_ bag: String) throws -> Set<String> {
        let data = bag + "/data"
        guard let walker = FileManager.default.enumerator(atPath: data) else { return [] }
        var files: Set<String> = []
        for case let relative as String in walker {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: data + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files.insert(relative)
            }
        }
        return files
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }
}
