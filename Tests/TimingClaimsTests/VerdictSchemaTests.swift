import Foundation
import FootageModel
import Testing
@testable import TimingClaims

/// Every verdict and claim the engine produces satisfies `Schemas/verdict.schema.json`, by the
/// reference validator.
@Suite struct VerdictSchemaTests {
    @Test func verdictsAndClaimsSatisfyTheSchema() throws {
        let file = try ClaimsFileReader.read(try ClaimsFixtures.text("deserters.yaml"), fileName: "deserters.yaml", format: .yaml)
        let extra = [
            Claim(id: "x1", quote: "about 10 seconds long", kind: .duration, interval: try reading("about 10 seconds long")),
            Claim(id: "x2", quote: "shots after 0:07", kind: .count, interval: try reading("after 0:07"), event: "shot"),
        ]
        let claims = file.claims + extra
        var verdicts: [Verdict] = []
        for (length, impulses, audio) in [("9", ["5.4", "6.1", "6.55"], true), ("12", ["6.4", "7.1", "7.55"], true),
                                          ("9", ["5.4", "6.1"], true), ("9", [], false)] {
            let seconds = try #require(ExactSeconds(parsing: length))
            let clip = ClipMeasurements(
                durations: ProbeDurations(container: seconds, videoStream: seconds, presentedFrames: seconds),
                detected: impulses.compactMap { ExactSeconds(parsing: $0) }.map { DetectedEvent(time: $0, strength: 25) },
                hasAudio: audio)
            verdicts += CheckEngine.checkAll(claims, clip: clip)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try JSONEncoderForTests.encode(verdicts).write(to: folder.appendingPathComponent("verdicts.json"))
        try JSONEncoderForTests.encode(claims).write(to: folder.appendingPathComponent("claims.json"))
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        verdict = jsonschema.Draft202012Validator(schema)
        claim = jsonschema.Draft202012Validator({"$ref": "#/$defs/claim", "$defs": schema["$defs"]})
        errors = [e.message for v in json.load(open(sys.argv[2])) for e in verdict.iter_errors(v)]
        errors += [e.message for c in json.load(open(sys.argv[3])) for e in claim.iter_errors(c)]
        print(len(json.load(open(sys.argv[2]))), errors)
        """
        let result = try PythonOracle.run(script, arguments: [
            PythonOracle.schemas.appendingPathComponent("verdict.schema.json").path,
            folder.appendingPathComponent("verdicts.json").path, folder.appendingPathComponent("claims.json").path,
        ])
        #expect(result.status == 0)
        #expect(result.output == "\(verdicts.count) []\n")
    }
}
