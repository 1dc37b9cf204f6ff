import Exports
import Foundation
import Testing

/// A manifest crafted to attack a bag reader, and the finding our verifier must report for it.
struct HostileManifest: Sendable, CustomTestStringConvertible {
    var name: String
    /// Raw path bytes, one manifest line each.
    var paths: [[UInt8]]
    var expected: BagProblem

    init(_ name: String, _ paths: [String], _ expected: BagProblem) {
        self.name = name
        self.paths = paths.map { Array($0.utf8) }
        self.expected = expected
    }

    init(_ name: String, bytes: [UInt8], _ expected: BagProblem) {
        self.name = name
        self.paths = [bytes]
        self.expected = expected
    }

    var testDescription: String { name }
}

@Suite("BagIt verifier against hostile manifests")
struct HostileManifestTests {
    static let cases: [HostileManifest] = [
        .init("absolute path", ["/etc/passwd"], .absolutePath),
        .init("absolute path inside a data folder", ["/data/a.txt"], .absolutePath),
        .init("network share", ["//server/share/a.txt"], .absolutePath),
        .init("drive letter", ["C:/Windows/win.ini"], .windowsDrivePath),
        .init("drive letter, lower case", ["d:data/a.txt"], .windowsDrivePath),
        .init("parent segments out of data", ["data/../../etc/passwd"], .parentSegment),
        .init("parent segment first", ["../data/a.txt"], .parentSegment),
        .init("parent segments after a folder", ["data/sub/../../../x"], .parentSegment),
        .init("parent segment last", ["data/.."], .parentSegment),
        .init("current segment", ["data/./a.txt"], .currentSegment),
        .init("empty segment", ["data//a.txt"], .emptySegment),
        .init("trailing slash", ["data/a.txt/"], .emptySegment),
        .init("home folder", ["~/.ssh/id_rsa"], .homeReference),
        .init("another user's home", ["~root/.bashrc"], .homeReference),
        .init("home segment inside data", ["data/~/a.txt"], .homeReference),
        .init("NUL byte", ["data/a\u{0}.txt"], .nulCharacter),
        .init("backslash separator", ["data\\a.txt"], .backslash),
        .init("backslash parent segments", ["data/..\\..\\x"], .backslash),
        .init("drive with backslash", ["C:\\x"], .backslash),
        .init("raw carriage return", ["data/a\rb.txt"], .unencodedLineBreak),
        .init("tab in a name", ["data/a\tb.txt"], .controlCharacter),
        .init("terminal escape in a name", ["data/a\u{1B}[31m.txt"], .controlCharacter),
        .init("DEL in a name", ["data/a\u{7F}.txt"], .controlCharacter),
        .init("encoded parent segments", ["data/%2e%2e/%2e%2e/etc/passwd"], .encodedDotSegment),
        .init("encoded parent segment, upper case", ["data/%2E%2E/x"], .encodedDotSegment),
        .init("half-encoded parent segment", ["data/.%2e/x"], .encodedDotSegment),
        .init("encoded current segment", ["data/%2e/a.txt"], .encodedDotSegment),
        .init("encoded slashes", ["data%2F..%2F..%2Fetc%2Fpasswd"], .encodedSeparator),
        .init("encoded slash in a name", ["data/a%2fb.txt"], .encodedSeparator),
        .init("encoded backslash", ["data/a%5Cb.txt"], .encodedSeparator),
        .init("encoded NUL", ["data/a%00.txt"], .encodedNul),
        .init("needless escape", ["data/%41.txt"], .unexpectedPercentEscape),
        .init("dots hidden inside a name", ["data/a%2e%2e.txt"], .unexpectedPercentEscape),
        .init("percent without digits", ["data/a%.txt"], .malformedPercentEscape),
        .init("percent with one digit", ["data/a%4.txt"], .malformedPercentEscape),
        .init("percent with non-hex digits", ["data/a%zz.txt"], .malformedPercentEscape),
        .init("percent at the end", ["data/a%"], .malformedPercentEscape),
        .init("overlong dots", ["data/%C0%AE%C0%AE/x"], .invalidUTF8),
        .init("overlong slash", ["data/..%C0%AFetc"], .invalidUTF8),
        .init("three-byte overlong dot", ["data/%E0%80%AE"], .invalidUTF8),
        .init("encoded byte that is never UTF-8", ["data/%FF.txt"], .invalidUTF8),
        .init("encoded surrogate", ["data/%ED%A0%80.txt"], .invalidUTF8),
        .init("raw overlong dot", bytes: Array("data/".utf8) + [0xC0, 0xAE], .invalidUTF8),
        .init("raw broken sequence", bytes: Array("data/".utf8) + [0xE2, 0x28, 0xA1], .invalidUTF8),
        .init("tag file as payload", ["bag-info.txt"], .outsidePayload),
        .init("file beside data", ["a.txt"], .outsidePayload),
        .init("the data folder itself", ["data"], .outsidePayload),
        .init("folder named like data", ["database/a.txt"], .outsidePayload),
        .init("no path after the checksum", [""], .malformedManifestLine),
        .init("segment too long", ["data/" + String(repeating: "n", count: 256)], .pathTooLong),
        .init("path too long", ["data/" + String(repeating: "a/", count: 2100) + "x"], .pathTooLong),
        .init("right-to-left override", ["data/clip\u{202E}4pm.exe"], .deceptiveCharacter),
        .init("zero-width space", ["data/a\u{200B}.txt"], .deceptiveCharacter),
        .init("duplicate line", ["data/a.txt", "data/a.txt"], .duplicatePath),
        .init("case-only twins", ["data/a.txt", "data/A.TXT"], .caseTwin),
        .init("NFC and NFD twins", ["data/caf\u{E9}.txt", "data/cafe\u{301}.txt"], .normalizationTwin),
        .init("twins under case and normalisation", ["data/\u{C9}t\u{E9}.txt", "data/e\u{301}te\u{301}.txt"], .caseTwin),
    ]

    @Test func thereAreAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func hostileManifestPathIsReported(_ hostile: HostileManifest) throws {
        let scratch = try ScratchFolder("hostile")
        let bag = scratch.file("bag")
        try BagWriter(directory: bag).write([.data(Data("payload".utf8), as: "a.txt")], info: BagWriterTests.info)
        var manifest: [UInt8] = []
        for path in hostile.paths {
            manifest += Array((String(repeating: "0", count: 64) + "  ").utf8) + path + [0x0A]
        }
        let manifestPath = bag + "/manifest-sha256.txt"
        try FileManager.default.removeItem(atPath: manifestPath)
        try Data(manifest).write(to: URL(fileURLWithPath: manifestPath))

        let findings = BagVerifier().verify(bagAt: bag)
        let onManifest = findings.filter { $0.file == "manifest-sha256.txt" }
        #expect(onManifest.contains { $0.problem == hostile.expected && $0.line != nil },
                "findings: \(findings.map(\.description))")
        // Nothing hostile is ever treated as a file that was found and hashed.
        #expect(!findings.contains { $0.problem == .checksumMismatch && $0.file != "manifest-sha256.txt" && $0.file != "data/a.txt" })
    }
}
