import FootageModel
import Foundation
import TestSupport
import Testing
import Vault

/// The rechecker `verify` runs must find exactly what `Vault.checkFile` finds, file by file.
@Suite struct FileRecheckerTests {
    private func makeVault() throws -> (ScratchFolder, Vault) {
        let scratch = try ScratchFolder("recheck-test")
        return (scratch, try Vault.create(at: scratch.path("vault")))
    }

    /// Stores `bytes` as an object through a registration, as the vault would hold it.
    private func store(_ bytes: Data, named name: String, in scratch: ScratchFolder, vault: Vault) throws -> SHA256Digest {
        let source = try scratch.write(name, bytes)
        return try vault.ingest(path: Array(source.utf8), copy: true).digest
    }

    /// Replaces an object with something else under the same name.
    private func replace(_ digest: SHA256Digest, in vault: Vault, with make: (String) throws -> Void) throws {
        let object = vault.objectPath(for: digest)
        try FileManager.default.removeItem(atPath: object)
        try make(object)
    }

    private func bytes(_ count: Int, seed: UInt8) -> Data {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) ^ seed })
    }

    /// Sizes around the buffer and chunk edges: empty, one byte, the small buffer exactly, one
    /// 4 MiB chunk exactly and one byte more, so that the short-read end and the full reads both run.
    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 4 << 20, (4 << 20) + 1, 9_000_001])
    func intactObjectsOfEverySizeHashToTheirNames(size: Int) throws {
        let (scratch, vault) = try makeVault()
        let digest = try store(bytes(size, seed: 7), named: "file.bin", in: scratch, vault: vault)
        let check = FileRechecker(vault: vault).checkObject(digest)
        #expect(check == Vault.checkFile(Array(vault.objectPath(for: digest).utf8), expected: digest))
        #expect(check.state == .intact && check.actualSize == Int64(size) && check.actualDigest == digest)
    }

    @Test func oneRecheckerReadsBigAndSmallFilesInTurn() throws {
        let (scratch, vault) = try makeVault()
        let sizes = [10, 5_000_000, 20, 70_000, 0]
        let digests = try sizes.enumerated().map { index, size in
            try store(bytes(size, seed: UInt8(index)), named: "f\(index)", in: scratch, vault: vault)
        }
        let rechecker = FileRechecker(vault: vault)
        for (digest, size) in zip(digests, sizes) {
            let check = rechecker.checkObject(digest)
            #expect(check.state == .intact && check.actualSize == Int64(size))
        }
    }

    @Test func aChangedObjectReportsWhatItNowHashesTo() throws {
        let (scratch, vault) = try makeVault()
        let digest = try store(bytes(100_000, seed: 1), named: "a.bin", in: scratch, vault: vault)
        let altered = bytes(99_999, seed: 2)
        try replace(digest, in: vault) { try altered.write(to: URL(fileURLWithPath: $0)) }
        let check = FileRechecker(vault: vault).checkObject(digest)
        #expect(check.state == .changed && check.actualSize == 99_999)
        #expect(check.actualDigest == SHA256Stream.digest(of: [UInt8](altered)))
        #expect(check == Vault.checkFile(Array(vault.objectPath(for: digest).utf8), expected: digest))
    }

    @Test func aMissingObjectIsMissing() throws {
        let (scratch, vault) = try makeVault()
        let digest = try store(Data("gone".utf8), named: "a.bin", in: scratch, vault: vault)
        try FileManager.default.removeItem(atPath: vault.objectPath(for: digest))
        #expect(FileRechecker(vault: vault).checkObject(digest).state == .missing)
        // An object never stored, in a folder that does not exist either.
        #expect(FileRechecker(vault: vault).checkObject(SHA256Digest.zero).state == .missing)
    }

    @Test func aSymlinkFolderOrFIFOInPlaceOfAnObjectIsUnreadableAndWordedAsBefore() throws {
        let (scratch, vault) = try makeVault()
        let target = try scratch.write("elsewhere.bin", Data("elsewhere".utf8))
        let linked = try store(Data("one".utf8), named: "one", in: scratch, vault: vault)
        let folder = try store(Data("two".utf8), named: "two", in: scratch, vault: vault)
        let pipe = try store(Data("three".utf8), named: "three", in: scratch, vault: vault)
        try replace(linked, in: vault) { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: target) }
        try replace(folder, in: vault) { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
        try replace(pipe, in: vault) { #expect(mkfifo($0, 0o644) == 0) }
        let rechecker = FileRechecker(vault: vault)
        for (digest, kind) in [(linked, "a symbolic link"), (folder, "a folder"), (pipe, "a FIFO")] {
            let check = rechecker.checkObject(digest)
            #expect(check.state == .unreadable)
            #expect(check.problem?.contains("is \(kind), not a regular file") == true)
            #expect(check == Vault.checkFile(Array(vault.objectPath(for: digest).utf8), expected: digest))
        }
    }

    @Test func inPlaceFilesAreCheckedWhereTheyAre() throws {
        let (scratch, vault) = try makeVault()
        let content = bytes(30_000, seed: 3)
        let path = try scratch.write("clip.bin", content)
        let digest = SHA256Stream.digest(of: [UInt8](content))
        let rechecker = FileRechecker(vault: vault)
        #expect(rechecker.checkFile(Array(path.utf8), expected: digest).state == .intact)
        #expect(rechecker.checkFile(Array(scratch.path("absent.bin").utf8), expected: digest).state == .missing)
        let link = scratch.path("link.bin")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let linked = rechecker.checkFile(Array(link.utf8), expected: digest)
        #expect(linked.state == .unreadable && linked.problem?.contains("is a symbolic link") == true)
        #expect(linked == Vault.checkFile(Array(link.utf8), expected: digest))
    }

    @Test func aVaultWithoutItsObjectsFolderReportsEveryObjectMissing() throws {
        let (scratch, vault) = try makeVault()
        let digest = try store(Data("x".utf8), named: "x", in: scratch, vault: vault)
        try FileManager.default.removeItem(atPath: vault.objectsPath)
        #expect(FileRechecker(vault: vault).checkObject(digest).state == .missing)
    }
}

@Suite struct VaultListingTests {
    @Test func storedFilesAreSortedAndOnlyWellFormedNamesHaveDigests() throws {
        let scratch = try ScratchFolder("listing-test")
        let vault = try Vault.create(at: scratch.path("vault"))
        let objects = vault.objectsPath
        let good = String(repeating: "a", count: 62)
        for folder in ["ff", "0a", "ab"] {
            try FileManager.default.createDirectory(atPath: objects + "/" + folder, withIntermediateDirectories: false)
        }
        try Data().write(to: URL(fileURLWithPath: objects + "/ff/" + good))
        try Data().write(to: URL(fileURLWithPath: objects + "/0a/" + good))
        try Data().write(to: URL(fileURLWithPath: objects + "/0a/" + good.uppercased()))
        try Data().write(to: URL(fileURLWithPath: objects + "/ab/short"))
        try Data().write(to: URL(fileURLWithPath: objects + "/loose-file"))
        try FileManager.default.createSymbolicLink(atPath: objects + "/cd", withDestinationPath: objects + "/ab")
        let listed = try vault.storedFiles()
        #expect(listed.map(\.relativePath) == [
            "objects/0a/" + good.uppercased(), "objects/0a/" + good, "objects/ab/short", "objects/cd",
            "objects/ff/" + good, "objects/loose-file",
        ])
        #expect(listed.map { $0.digest?.hex } == [nil, "0a" + good, nil, nil, "ff" + good, nil])
    }

    @Test func oddNamesAreListedEscapedInTheOrderTheirShownNamesSort() throws {
        let scratch = try ScratchFolder("listing-odd-test")
        let vault = try Vault.create(at: scratch.path("vault"))
        let folder = vault.objectsPath + "/ab"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        // A backslash sorts after letters as a byte but is shown doubled; a newline is shown as \n.
        for name in ["b\\x", "a\nb", "Z", "a"] {
            try Data().write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let shown = try vault.storedFiles().map(\.relativePath)
        let expected = ["b\\x", "a\nb", "Z", "a"].map { "objects/ab/" + ClipFileName($0).escaped }
        #expect(shown == expected.sorted())
    }
}
