import Foundation
import Testing
import TestSupport

/// What `footage check --json` prints satisfies `Schemas/verdict.schema.json`, by the reference
/// validator (PyPI jsonschema), on a clip with every kind of verdict and on a silent one.
@Suite struct CheckSchemaTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas/verdict.schema.json")

    @Test(arguments: [false, true])
    func checkOutputSatisfiesTheSchema(silent: Bool) throws {
        let clip = silent ? try Fixtures.standIn(audio: false, name: "standin-silent.mp4")
            : try Fixtures.standIn(impulses: [6.40, 7.10, 7.55], name: "standin-late.mp4")
        let example = try CheckCase(clip: clip)
        let result = try example.check()
        #expect(result.verdicts.count == 5)
        let output = try example.scratch.write("verdicts.json", Data(result.raw.utf8))
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        document = json.load(open(sys.argv[2]))
        errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(document)]
        print(type(document).__name__, len(document), errors)
        """
        let printed = try Fixtures.run("python3", ["-c", script, Self.schema.path, output])
        #expect(String(decoding: printed, as: UTF8.self) == "list 5 []\n")
    }
}
