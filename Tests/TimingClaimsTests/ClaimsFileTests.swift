import Foundation
import FootageModel
import Testing
@testable import TimingClaims

private func read(_ text: String, _ name: String) throws(ClaimsFileError) -> ClaimsFile {
    try ClaimsFileReader.read(text, fileName: name, format: ClaimsFileFormat(fileName: name) ?? .yaml)
}

/// The problems a file is refused with, as the user sees them.
private func problems(_ text: String, _ name: String) -> [String] {
    do {
        _ = try read(text, name)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

@Suite struct ClaimsFileTests {
    @Test(arguments: ["deserters.yaml", "deserters.json", "deserters.csv"])
    func sampleFilesRead(name: String) throws {
        let file = try read(try ClaimsFixtures.text(name), name)
        let byId = Dictionary(uniqueKeysWithValues: file.claims.map { ($0.id, $0) })
        let duration = try #require(byId["c1"]?.interval)
        #expect(duration.measure == .duration)
        #expect(duration.bounds.notation == "[8.5, 9.5)")
        #expect(byId["c2"]?.interval?.rule == (name == "deserters.json" ? .clockTimeHalfPrecision : .ordinalSecond))
        #expect(byId["c3"]?.follows == "c2")
        #expect(byId["c3"]?.count == 2)
        if name != "deserters.csv" { #expect(byId["c1"]?.articleId == "deserters-2026") }
    }

    @Test func theAlternativeReadingCanBeChosenAndTheOtherIsKept() throws {
        let file = try read(try ClaimsFixtures.text("deserters.json"), "deserters.json")
        let interval = try #require(file.claims.first { $0.id == "c2" }?.interval)
        #expect(interval.bounds.notation == "[5.5, 6.5)")
        #expect(interval.alternative?.rule == .ordinalSecond)
        #expect(interval.alternative?.bounds.notation == "[5, 6)")
        let stated = try #require(file.claims.first { $0.id == "c4" }?.interval)
        #expect(stated.rule == .statedBounds)
        #expect(stated.bounds.notation == "[5, 6)")
        #expect(file.claims.first { $0.id == "c3" }?.window == ExactSeconds(whole: 3))
    }

    @Test func csvQuotedFieldsKeepCommasAndQuotes() throws {
        let file = try read(try ClaimsFixtures.text("deserters.csv"), "deserters.csv")
        #expect(file.claims[1].quote == "In the sixth second the soldier on the left fires a shot, \"clearly\"")
        #expect(file.claims[0].assertedBy == "the outlet")
    }

    @Test func unknownFieldNamesItsLineAndColumn() {
        let yaml = "claims:\n  - id: c1\n    kind: event\n    quote: q\n    tiem: 0:06\n"
        #expect(problems(yaml, "claims.yaml") == ["claims.yaml:5:5: unknown field \"tiem\""])
    }

    @Test func duplicateYAMLKeyPointsAtTheSecondOne() {
        let yaml = "claims:\n  - id: c1\n    kind: event\n    quote: q\n    kind: duration\n"
        #expect(problems(yaml, "claims.yaml") == ["claims.yaml:5:5: duplicate key \"kind\""])
    }

    @Test func duplicateJSONKeyIsRefusedNotSilentlyResolved() {
        let json = "{\"claims\": [\n  {\"id\": \"c1\", \"kind\": \"event\", \"quote\": \"q\",\n   \"id\": \"c2\"}]}"
        #expect(problems(json, "claims.json") == ["claims.json:3:4: duplicate key \"id\""])
    }

    @Test func duplicateCSVColumnIsRefused() {
        #expect(problems("id,kind,quote,kind\nc1,event,q,event\n", "c.csv") == ["c.csv:1:15: duplicate key \"kind\""])
    }

    @Test func unknownCSVColumnIsRefused() {
        #expect(problems("id,kind,quote,tiem\nc1,event,q,0:06\n", "c.csv") == ["c.csv:1:15: unknown field \"tiem\""])
    }

    @Test func startNotBeforeEndIsAnImpossibleInterval() {
        let yaml = "claims:\n  - id: c1\n    kind: event\n    quote: q\n    start: 7\n    end: 5\n"
        #expect(problems(yaml, "claims.yaml") == ["claims.yaml:5:12: impossible interval: start 7 is not before end 5"])
    }

    @Test func negativeTimesAreRefused() {
        let json = "{\"claims\": [{\"id\": \"c1\", \"kind\": \"event\", \"quote\": \"q\", \"start\": -1, \"end\": 2}]}"
        #expect(problems(json, "claims.json") == ["claims.json:1:66: negative time \"-1\" in \"start\""])
    }

    @Test func unreadableTimesAndTimingsAreRefused() {
        let yaml = "claims:\n  - id: c1\n    kind: event\n    quote: q\n    start: soon\n    end: 0:75\n  - id: c2\n    kind: event\n    quote: q\n    timing: at dawn\n"
        #expect(problems(yaml, "claims.yaml") == [
            "claims.yaml:5:12: unreadable time \"soon\" in \"start\"; write seconds (5.5) or a clock time (0:05.5)",
            "claims.yaml:6:10: unreadable time \"0:75\" in \"end\"; write seconds (5.5) or a clock time (0:05.5)",
            "claims.yaml:10:13: cannot read the timing \"at dawn\"",
        ])
    }

    @Test func followsMustNameAClaimInTheFile() {
        let yaml = "claims:\n  - id: c3\n    kind: order\n    quote: q\n    follows: c9\n"
        #expect(problems(yaml, "claims.yaml") == ["claims.yaml:5:14: \"follows\" names unknown claim \"c9\""])
    }

    @Test func wrongTypesAreNamed() {
        let json = "{\"claims\": [{\"id\": 3, \"kind\": \"event\", \"quote\": \"q\", \"count\": \"two\"}]}"
        #expect(problems(json, "claims.json") == [
            "claims.json:1:20: \"id\" must be a string, not an integer",
            "claims.json:1:63: \"count\" must be an integer, not a string",
        ])
    }

    @Test func unknownKindsAndMissingFieldsAreNamed() {
        let yaml = "claims:\n  - id: c1\n    kind: rumour\n    quote: q\n  - id: c2\n    kind: event\n"
        #expect(problems(yaml, "claims.yaml") == [
            "claims.yaml:3:11: unknown kind \"rumour\"; known kinds: duration, event, order, count, visual, no_footage, described_footage",
            "claims.yaml:5:5: missing field \"quote\"",
        ])
    }

    @Test func duplicateClaimIdsAreRefused() {
        let yaml = "claims:\n  - id: c1\n    kind: visual\n    quote: q\n  - id: c1\n    kind: visual\n    quote: r\n"
        #expect(problems(yaml, "claims.yaml") == ["claims.yaml:5:9: duplicate claim id \"c1\" (first at line 2)"])
    }

    @Test func malformedJSONSaysWhere() {
        #expect(problems("{\"claims\": [\n  {\"id\": \"c1\",}\n]}", "claims.json") == ["claims.json:2:15: expected a quoted key"])
    }

    @Test func malformedYAMLSaysWhere() {
        let found = problems("claims: [\n  {id: c1\n", "claims.yaml")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("claims.yaml:") == true)
        #expect(found.first?.contains("unreadable YAML") == true)
    }

    @Test func aDurationTimingMustBeALength() {
        let yaml = "claims:\n  - id: c1\n    kind: duration\n    quote: q\n    timing: at 0:06\n"
        #expect(problems(yaml, "claims.yaml") == [
            "claims.yaml:5:13: the timing \"at 0:06\" reads as instant but the claim's kind is duration",
        ])
    }

    // The reference validator agrees: the sample files, the CSV's reading and the extractor's
    // draft all satisfy the published schema, and a file with an unknown field does not.
    @Test func samplesSatisfyTheSchemaByTheReferenceValidator() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claims-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try read(try ClaimsFixtures.text("deserters.csv"), "deserters.csv")
        try JSONEncoderForTests.encode(csv.document).write(to: folder.appendingPathComponent("from-csv.json"))
        let draft = ClaimsDocument(article: "deserters",
                                   claims: ClaimExtractor.extract(from: try ClaimsFixtures.text("deserters-article.txt")))
        try JSONEncoderForTests.encode(draft).write(to: folder.appendingPathComponent("extracted.json"))
        try Data("{\"claims\": [{\"id\": \"c1\", \"kind\": \"event\", \"quote\": \"q\", \"tiem\": \"0:06\"}]}".utf8)
            .write(to: folder.appendingPathComponent("bad.json"))

        let script = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            doc = yaml.safe_load(open(path)) if path.endswith('.yaml') else json.load(open(path))
            print(path.rsplit('/', 1)[-1], len(list(validator.iter_errors(doc))))
        """
        let files = [ClaimsFixtures.directory.appendingPathComponent("deserters.yaml"),
                     ClaimsFixtures.directory.appendingPathComponent("deserters.json"),
                     folder.appendingPathComponent("from-csv.json"), folder.appendingPathComponent("extracted.json"),
                     folder.appendingPathComponent("bad.json")]
        let result = try PythonOracle.run(script, arguments: [PythonOracle.schemas.appendingPathComponent("claims.schema.json").path]
            + files.map(\.path))
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines == ["deserters.yaml 0", "deserters.json 0", "from-csv.json 0", "extracted.json 0", "bad.json 1"])
    }
}

@Suite struct ClaimsPipelineTests {
    @Test func anExtractedDraftImportsAsAClaimsFile() throws {
        let draft = ClaimsDocument(article: "deserters",
                                   claims: ClaimExtractor.extract(from: try ClaimsFixtures.text("deserters-article.txt")))
        let json = String(decoding: try JSONEncoderForTests.encode(draft), as: UTF8.self)
        let file = try ClaimsFileReader.read(json, fileName: "draft.json", format: .json)
        #expect(file.claims.map(\.kind) == [.duration, .event, .order])
        #expect(file.claims[1].interval?.bounds.notation == "[5, 6)")
        #expect(file.claims[2].follows == file.claims[1].id)
        #expect(file.claims.allSatisfy { $0.articleId == "deserters" })
    }

    @Test func theRecordedClaimsCheckAgainstTheStandInMeasurements() throws {
        let file = try ClaimsFileReader.read(try ClaimsFixtures.text("deserters.yaml"), fileName: "deserters.yaml", format: .yaml)
        let nine = ExactSeconds(whole: 9)
        let clip = ClipMeasurements(
            durations: ProbeDurations(container: nine, videoStream: nine, presentedFrames: nine),
            detected: ["5.4", "6.1", "6.55"].compactMap { ExactSeconds(parsing: $0) }.map { DetectedEvent(time: $0, strength: 30) },
            hasAudio: true)
        let outcomes = CheckEngine.checkAll(file.claims, clip: clip).map(\.outcome)
        #expect(outcomes == [.consistent, .consistent, .consistent, .unchecked, .unchecked, .unchecked])
    }
}
