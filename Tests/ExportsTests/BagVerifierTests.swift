import Exports
import Foundation
import Testing

@Suite("BagIt verifier")
struct BagVerifierTests {
    static func bag(_ scratch: ScratchFolder) throws -> String {
        try BagWriterTests.makeBag(in: scratch).bag
    }

    @Test func bagMadeByTheReferenceToolValidates() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.file("made-by-reference")
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try scratch.write("made-by-reference/one.txt", "one")
        try scratch.write("made-by-reference/sub/two.txt", "two")
        let made = try Command.run("python3", ["-m", "bagit", "--sha256", "--sha512", folder])
        #expect(made.status == 0, "bagit: \(made.errors)")
        #expect(BagVerifier().verify(bagAt: folder) == [])
    }

    @Test func missingDeclarationIsReported() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        try FileManager.default.removeItem(atPath: bag + "/bagit.txt")
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.contains(BagFinding(file: "bagit.txt", problem: .missingBagDeclaration)))
        #expect(try Command.run("python3", ["-m", "bagit", "--validate", bag]).status != 0)
    }

    @Test func malformedDeclarationIsReported() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        try FileManager.default.removeItem(atPath: bag + "/bagit.txt")
        try scratch.write("bag/bagit.txt", "BagIt-Version: 1.0\n")
        #expect(BagVerifier().verify(bagAt: bag).contains { $0.file == "bagit.txt" && $0.problem == .malformedBagDeclaration })
    }

    @Test func extraPayloadFileIsReported() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        try scratch.write("bag/data/planted.txt", "not in any manifest")
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.filter { $0.problem == .unlistedFile }.map(\.file) == ["data/planted.txt", "data/planted.txt"])
        #expect(findings.contains { $0.problem == .oxumMismatch })
        #expect(try Command.run("python3", ["-m", "bagit", "--validate", bag]).status != 0)
    }

    @Test func missingPayloadFileIsReported() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        try FileManager.default.removeItem(atPath: bag + "/data/tracks/claims.vtt")
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.filter { $0.problem == .missingFile }.map(\.file) == ["manifest-sha256.txt", "manifest-sha512.txt"])
        #expect(findings.contains { $0.problem == .oxumMismatch })
    }

    @Test func sameSizeChangeIsCaughtByRehashingNotByOxum() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        let target = bag + "/data/manifest.json"
        try Data("{\"clips\": {}}\n".utf8).write(to: URL(fileURLWithPath: target))
        let problems = BagVerifier().verify(bagAt: bag).map(\.problem)
        #expect(problems == [.checksumMismatch, .checksumMismatch])
    }

    @Test func editedBagInfoFailsTheTagManifests() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        let path = bag + "/bag-info.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "Source-Organization: Footage test desk", with: "Source-Organization: Someone else")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.map(\.problem) == [.checksumMismatch, .checksumMismatch])
        #expect(findings.allSatisfy { $0.file == "bag-info.txt" })
    }

    @Test func wrongOxumIsReported() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        let path = bag + "/bag-info.txt"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { $0.hasPrefix("Payload-Oxum:") ? "Payload-Oxum: 12.3" : String($0) }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.contains { $0.problem == .oxumMismatch && $0.detail.hasPrefix("says 12.3") })
    }

    @Test func symbolicLinkInPayloadIsReportedNotFollowed() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        let outside = try scratch.write("secret.txt", "outside the bag")
        try FileManager.default.createSymbolicLink(atPath: bag + "/data/link.txt", withDestinationPath: outside)
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.contains(BagFinding(file: "data/link.txt", problem: .symbolicLink)))
    }

    @Test func payloadFolderThatIsALinkIsNotEntered() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        let outside = scratch.file("outside")
        try FileManager.default.moveItem(atPath: bag + "/data", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: bag + "/data", withDestinationPath: outside)
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.contains(BagFinding(file: "data", problem: .symbolicLink)))
        // The files exist through the link, but the verifier reports them missing rather than
        // reading them.
        #expect(findings.contains { $0.problem == .missingFile })
        #expect(!findings.contains { $0.problem == .checksumMismatch })
    }

    @Test func linkedFileListedInTheManifestIsNotRead() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        let outside = try scratch.write("outside.json", "{\"clips\": []}\n")
        try FileManager.default.removeItem(atPath: bag + "/data/manifest.json")
        try FileManager.default.createSymbolicLink(atPath: bag + "/data/manifest.json", withDestinationPath: outside)
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.contains(BagFinding(file: "data/manifest.json", problem: .symbolicLink)))
    }

    @Test func bagThatIsNotAFolderIsReported() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("plain.txt", "not a bag")
        #expect(BagVerifier().verify(bagAt: file).map(\.problem) == [.bagNotAFolder])
        #expect(BagVerifier().verify(bagAt: scratch.file("absent")).map(\.problem) == [.bagNotAFolder])
    }

    @Test func noPayloadManifestIsReported() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        for name in ["manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"] {
            try FileManager.default.removeItem(atPath: bag + "/" + name)
        }
        #expect(BagVerifier().verify(bagAt: bag).contains { $0.problem == .noPayloadManifest })
    }

    @Test func declarationThatIsALinkIsNotRead() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        let outside = try scratch.write("declaration.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        try FileManager.default.removeItem(atPath: bag + "/bagit.txt")
        try FileManager.default.createSymbolicLink(atPath: bag + "/bagit.txt", withDestinationPath: outside)
        #expect(BagVerifier().verify(bagAt: bag).contains(BagFinding(file: "bagit.txt", problem: .symbolicLink)))
    }

    @Test func hostileTagManifestPathIsReported() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        let path = bag + "/tagmanifest-sha256.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8) + String(repeating: "0", count: 64) + "  ../../etc/passwd\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.contains { $0.file == "tagmanifest-sha256.txt" && $0.problem == .parentSegment && $0.line == 5 })
    }

    @Test func manifestsWithCRLFLineEndingsAreRead() throws {
        let scratch = try ScratchFolder()
        let bag = try Self.bag(scratch)
        for name in ["manifest-sha256.txt", "manifest-sha512.txt"] {
            let path = bag + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        // The payload checks pass; only the tag manifests see that the manifests changed.
        let findings = BagVerifier().verify(bagAt: bag)
        #expect(findings.map(\.problem) == Array(repeating: .checksumMismatch, count: 4))
        #expect(Set(findings.map(\.file)) == ["manifest-sha256.txt", "manifest-sha512.txt"])
    }

    @Test func findingsReadAsOneLineEach() {
        let finding = BagFinding(file: "manifest-sha256.txt", line: 3, problem: .parentSegment, detail: "\"data/../x\"")
        #expect(finding.description == "manifest-sha256.txt line 3: path has a '..' segment: \"data/../x\"")
    }
}
