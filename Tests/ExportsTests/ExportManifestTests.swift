import Exports
import FootageModel
import Foundation
import Testing
import TestSupport

@Suite("Export manifest")
struct ExportManifestTests {
    static let schemaPath = Repository.root.appendingPathComponent("Schemas/manifest.schema.json").path

    static func example() -> ExportManifest {
        let day = SchemaOrgTests.day
        var clip = SchemaOrgTests.clip
        clip.collectedAt = day
        clip.collectedBy = "Archivist A"
        clip.analysis = ExportAnalysisSummary(
            detections: Fixtures.standInImpulses.map { seconds in
                ExportDetection(kind: "audio-onset", time: MediaTime(pts: Int64((seconds * 48000).rounded()), timeBase: Rational(1, 48000)),
                                strength: "31.5")
            },
            marks: [ExportMark(time: MediaTime(pts: 5400, timeBase: Rational(1, 1000)), label: "first shot, left soldier",
                               markedBy: "Checker B", markedAt: day)])
        let sha = SchemaOrgTests.sha
        let eventHash = String(repeating: "cd", count: 32)
        return ExportManifest(
            generatedAt: day,
            tools: [ExportToolVersion(name: "footage", version: "0.1.0"), ExportToolVersion(name: "libavformat", version: "59.27.100")],
            clips: [clip], articles: [SchemaOrgTests.article], claims: SchemaOrgTests.claims, verdicts: SchemaOrgTests.verdicts,
            frames: [ExportFrame(clipSHA256: sha, time: MediaTime(pts: 135, timeBase: Rational(1, 25)), path: "frames/5.400.png",
                                 sha256: String(repeating: "ef", count: 32))],
            custody: [
                ExportEvent(sequence: 1, at: day, actor: "Archivist A", action: "registered", subject: sha, toolVersion: "0.1.0",
                            details: "from https://example.org/post/1", hash: String(repeating: "01", count: 32)),
                ExportEvent(sequence: 2, at: day, actor: "footage", action: "probed", subject: sha, toolVersion: "0.1.0",
                            hash: eventHash, previousHash: String(repeating: "01", count: 32)),
            ])
    }

    /// Validates JSON text against the schema with the `jsonschema` package (draft 2020-12,
    /// formats checked); returns the error messages.
    static func schemaErrors(_ json: Data) throws -> [String] {
        let scratch = try ScratchFolder()
        let path = scratch.file("manifest.json")
        try json.write(to: URL(fileURLWithPath: path))
        let program = """
        import json, sys
        from jsonschema import Draft202012Validator, FormatChecker
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        errors = [e.message for e in validator.iter_errors(json.load(open(sys.argv[2])))]
        print(json.dumps(errors))
        """
        let result = try Command.python(program, [schemaPath, path])
        #expect(result.status == 0, "jsonschema: \(result.errors)")
        return try JSONDecoder().decode([String].self, from: Data(result.output.utf8))
    }

    @Test func exampleValidatesAgainstTheSchema() throws {
        #expect(try Self.schemaErrors(try Self.example().encoded()) == [])
    }

    @Test func schemaRejectsABrokenManifest() throws {
        var broken = Self.example()
        broken.clips[0].sha256 = "not-a-hash"
        broken.verdicts[0].outcome = .consistent
        let errors = try Self.schemaErrors(try broken.encoded())
        #expect(errors.contains { $0.contains("not-a-hash") })
    }

    @Test func roundTripsThroughJSON() throws {
        let manifest = Self.example()
        let decoded = try ExportManifest.decoded(from: try manifest.encoded())
        #expect(decoded == manifest)
    }

    @Test func timesAreIntegersWithTimeBasesAndInstantsAreUTC() throws {
        let text = String(decoding: try Self.example().encoded(), as: UTF8.self)
        #expect(text.contains("\"generatedAt\" : \"2026-11-18T11:06:40Z\""))
        #expect(text.contains("\"pts\" : 259200,\n"))
        #expect(text.contains("\"timeBase\" : \"1/48000\""))
    }
}
