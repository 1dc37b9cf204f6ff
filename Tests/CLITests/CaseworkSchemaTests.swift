import Foundation
import TestSupport
import Testing

/// What the claims commands print with --json satisfies the schemas in `Schemas/`, by the
/// reference validator (PyPI jsonschema, with verdict.schema.json registered for references).
@Suite struct CaseworkSchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas")

    /// Validates each (schema, document) pair and returns the errors found, one per line.
    private func validate(_ pairs: [(schema: String, output: String)], in folder: ScratchFolder) throws -> String {
        var arguments = [Self.schemas.path]
        for (index, pair) in pairs.enumerated() {
            arguments += [pair.schema, try folder.write("output-\(index).json", Data(pair.output.utf8))]
        }
        let script = """
            import json, sys, jsonschema, referencing
            folder = sys.argv[1]
            def load(name): return json.load(open(folder + "/" + name))
            verdict = load("verdict.schema.json")
            registry = referencing.Registry().with_resource(
                "https://footage.invalid/schemas/verdict.schema.json", referencing.Resource.from_contents(verdict))
            errors = []
            for name, path in zip(sys.argv[2::2], sys.argv[3::2]):
                validator = jsonschema.Draft202012Validator(load(name), registry=registry,
                                                            format_checker=jsonschema.FormatChecker())
                errors += [name + ": " + e.message for e in validator.iter_errors(json.load(open(path)))]
            print("\\n".join(errors))
            """
        return String(decoding: try Fixtures.run("python3", ["-c", script] + arguments), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func everyJSONOutputMatchesItsSchema() throws {
        let cli = try CaseworkCLI()
        let text = try cli.write("article.txt", "Demo text written for the tests.\n")
        let article = try cli.succeed(["article", "add", CaseworkCLI.articleURL, "--id", "deserters", "--title", "Deserters",
                                       "--published", "2026-11-20", "--text", text, "--json"])
        let imported = try cli.succeed(["claims", "import", try cli.write("claims.yaml", CaseworkCLI.claimsYAML), "--json"])
        let digest = try cli.register(FixtureCatalogue.videoOnlyMP4())
        try cli.succeed(["link", "c1", String(digest.prefix(12)), "--offset", "1/3"])
        try cli.succeed(["link", "c4", String(digest.prefix(12))])
        let mark = try cli.succeed(["mark", String(digest.prefix(12)), "--at", "1.24", "--label", "shot", "--note", "left", "--json"])
        let listing = try cli.succeed(["claims", "--json"])
        let unresolved = try cli.succeed(["unresolved", "--json"])
        let errors = try validate([
            ("article.schema.json", article.stdout), ("claims-import.schema.json", imported.stdout),
            ("mark.schema.json", mark.stdout), ("claims-listing.schema.json", listing.stdout),
            ("unresolved.schema.json", unresolved.stdout),
        ], in: cli.folder)
        #expect(errors.isEmpty, "\(errors)")
        #expect((try unresolved.json() as? [Any])?.isEmpty == false)
    }

    @Test func theValidatorRejectsAWrongReason() throws {
        let folder = try ScratchFolder()
        let wrong = #"[{"reason": "not_a_reason", "clip": null, "claim": "c1", "detail": "x", "next": "footage check c1"}]"#
        let errors = try validate([("unresolved.schema.json", wrong)], in: folder)
        #expect(errors.contains("not_a_reason"))
    }
}
