import Foundation
import TestSupport
import Testing

/// Runs the built `footage` executable, as a user would.
enum FootageCommand {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The debug build `swift build --build-tests` leaves next to the tests.
    static var executable: URL { packageRoot.appendingPathComponent(".build/debug/footage") }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Stdout and stderr go to files read after the child exits, so no pipe read can block or be
    /// interrupted while other tests run children of their own.
    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("footage-run-\(UUID().uuidString)")
        let outURL = stem.appendingPathExtension("out")
        let errURL = stem.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        return Result(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("footage-frames-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Validates JSON against the analysis schema (or one of its definitions) with Python's jsonschema.
    static func validate(_ json: Data, definition: String?) throws {
        let schema = packageRoot.appendingPathComponent("Schemas/analysis.schema.json").path
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("footage-json-\(UUID().uuidString).json")
        try json.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let reference = definition.map { "{\"$ref\": \"#/$defs/\($0)\", \"$defs\": s[\"$defs\"]}" } ?? "s"
        try Fixtures.run("python3", ["-c", """
        import json, sys, jsonschema
        s = json.load(open(sys.argv[1]))
        schema = \(reference)
        jsonschema.Draft202012Validator.check_schema(s)
        jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
        """, schema, file.path])
    }
}

@Test func framesWritesImagesNamedByTheirPresentationTime() throws {
    let clip = try Fixtures.standIn()
    let folder = try FootageCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try FootageCommand.run(["frames", clip.path, "--at", "5.5,0:06.1", "--out", folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == ["frame-005480ms.png", "frame-006080ms.png"])
    let size = try Fixtures.run("ffprobe", ["-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0",
                                            folder.appendingPathComponent(names[0]).path])
    #expect(String(decoding: size, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "png,320,240")
}

@Test func framesJSONMatchesTheSchemaAndTheDecodedPixels() throws {
    let clip = try Fixtures.standIn()
    let folder = try FootageCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try FootageCommand.run(["frames", clip.path, "--at", "5.5", "--json", "--format", "jpg", "--out", folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    try FootageCommand.validate(result.stdout, definition: "frameSet")
    let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
    let frame = try #require((object?["frames"] as? [[String: Any]])?.first)
    #expect(frame["index"] as? Int == 137)
    #expect(frame["pts"] as? Int == 70144)
    #expect(frame["timeBase"] as? String == "1/12800")
    let truth = try GroundTruth.rgbSHA256(clip, indices: [137], width: 320, height: 240)
    #expect(frame["rgbSHA256"] as? String == truth[137])
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("frame-005480ms.jpg").path))
}

@Test func framesSheetIsOneImageWithAGrid() throws {
    let clip = try Fixtures.standIn()
    let folder = try FootageCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try FootageCommand.run(["frames", clip.path, "--every", "2", "--sheet", "--width", "160", "--out", folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sheet.png"])
    // Frames at 0, 2, 4, 6 and 8 s: a 3×2 grid of 160×120 cells with 22-pixel label strips.
    let size = try Fixtures.run("ffprobe", ["-v", "error", "-show_entries", "stream=width,height", "-of", "csv=p=0",
                                            folder.appendingPathComponent("sheet.png").path])
    #expect(String(decoding: size, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "\(8 + 3 * 168),\(8 + 2 * (120 + 22 + 8))")
}

@Test func analyzeJSONMatchesTheSchema() throws {
    let result = try FootageCommand.run(["analyze", try Fixtures.standIn().path, try AnalysisFixtures.burstsInNoise().path, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    try FootageCommand.validate(result.stdout, definition: nil)
}

@Test func commandErrorsNameTheFileAndUseTheDocumentedExitCodes() throws {
    let missing = try FootageCommand.run(["frames", "/nonexistent/clip.mp4", "--at", "1"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("/nonexistent/clip.mp4"))
    let badTime = try FootageCommand.run(["frames", try Fixtures.standIn().path, "--at", "5.5004"])
    #expect(badTime.status == 64)
    #expect(badTime.stderr.contains("finer than a millisecond"))
    let afterEnd = try FootageCommand.run(["frames", try Fixtures.standIn().path, "--at", "20", "--out", NSTemporaryDirectory()])
    #expect(afterEnd.status == 64)
    #expect(afterEnd.stderr.contains("after the last frame"))
    let notMedia = FileManager.default.temporaryDirectory.appendingPathComponent("footage-not-media-\(UUID().uuidString).mp4")
    try Data("this is not a video".utf8).write(to: notMedia)
    defer { try? FileManager.default.removeItem(at: notMedia) }
    let bad = try FootageCommand.run(["analyze", notMedia.path])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains(notMedia.path))
}

@Test func framesTurnThePictureAsTheDisplayMatrixSaysUnlessAskedNotTo() throws {
    // 320×240 stored, a display matrix for a 90° turn: shown 240 wide and 320 high.
    let clip = try FixtureCatalogue.rotatedMOV()
    for (flags, expected) in [([String](), "240,320"), (["--no-rotate"], "320,240")] {
        let folder = try FootageCommand.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try FootageCommand.run(["frames", clip.path, "--at", "1", "--out", folder.path] + flags)
        #expect(result.status == 0, "\(result.stderr)")
        let size = try Fixtures.run("ffprobe", ["-v", "error", "-show_entries", "stream=width,height", "-of", "csv=p=0",
                                                folder.appendingPathComponent("frame-001000ms.png").path])
        #expect(String(decoding: size, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }
}

@Test func anImageThatCannotBeWrittenIsAnIOErrorNamingIt() throws {
    let folder = try FootageCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A folder where the image should go: open(2) refuses it even for root.
    let blocked = folder.appendingPathComponent("frame-005480ms.png")
    try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
    let result = try FootageCommand.run(["frames", try Fixtures.standIn().path, "--at", "5.5", "--out", folder.path])
    #expect(result.status == 74)
    #expect(result.stderr.contains("cannot write the image for \(blocked.path)"))
    #expect(result.stderr.contains("is a directory"))
}

@Test func decodingDamagedFootagePrintsNothingOfLibavsOwn() throws {
    // The cut stream's first packets refer to a picture set it no longer holds: libav would
    // complain about each; the frame is still found and stderr stays empty.
    let folder = try FootageCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try FootageCommand.run(["frames", try FrameFixtures.cutMidGOP().path, "--at", "0.5", "--out", folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["frame-000480ms.png"])
}
