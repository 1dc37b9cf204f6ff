import Foundation
import TestSupport
import Testing

/// Validates printed output with Python's `jsonschema` against `Schemas/keyframes.schema.json`.
enum KeyframeSchema {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas/keyframes.schema.json")

    static func expectValid(_ json: Any?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let value = try require(json, "JSON output")
        let folder = try ScratchFolder("keyframes-schema")
        let document = try folder.write("output.json", try JSONSerialization.data(withJSONObject: value))
        let script = """
        import json, sys, jsonschema
        validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
        for error in validator.iter_errors(json.load(open(sys.argv[2]))):
            print(list(error.absolute_path), error.message)
        """
        let output = try ChildProcess.output(of: "python3", ["-c", script, schema.path, document])
        #expect(output.isEmpty, "\(String(decoding: output, as: UTF8.self))", sourceLocation: sourceLocation)
    }
}
