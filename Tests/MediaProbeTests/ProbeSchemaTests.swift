import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// Real probe output validates against `Schemas/probe.schema.json` with Python's `jsonschema`
/// (draft 2020-12), the reference validator.
@Test func probeOutputValidatesAgainstTheSchema() throws {
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas/probe.schema.json")
    let folder = Fixtures.directory.appendingPathComponent("schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    var documents: [String] = []
    for fixture in FixtureCatalogue.all {
        let record = try Prober.probe(path: fixture.make().path)
        let file = folder.appendingPathComponent(fixture.name + ".json")
        try JSONEncoder().encode(record).write(to: file)
        documents.append(file.path)
    }
    let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    for path in sys.argv[2:]:
        for error in validator.iter_errors(json.load(open(path))):
            failed += 1
            print(path, list(error.absolute_path), error.message)
    sys.exit(1 if failed else 0)
    """
    let output = try Fixtures.run("python3", ["-c", script, schema.path] + documents)
    #expect(output.isEmpty)
}

/// A record decodes back to the same value, so stored probe JSON can be read again.
@Test func probeRecordRoundTripsThroughJSON() throws {
    let record = try Prober.probe(path: FixtureCatalogue.rotatedMOV().path)
    let decoded = try JSONDecoder().decode(ProbeRecord.self, from: JSONEncoder().encode(record))
    #expect(decoded == record)
}
