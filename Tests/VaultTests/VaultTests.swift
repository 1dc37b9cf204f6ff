import FootageModel
import Foundation
import TestSupport
import Testing
import Synchronization
import Vault

@Suite struct VaultTests {
    private func makeVault() throws -> (ScratchFolder, Vault) {
        let scratch = try ScratchFolder("vault-test")
        return (scratch, try Vault.create(at: scratch.path("vault")))
    }

    private func sha256sum(_ path: String) throws -> String {
        String(decoding: try Fixtures.run("sha256sum", [path]).prefix(64), as: UTF8.self)
    }

    @Test func ingestCopiesOnceHashesAndLeavesNoTempFile() throws {
        let (scratch, vault) = try makeVault()
        // Larger than one 4 MiB chunk, so the copy spans several reads.
        var bytes = Data(count: 9_000_001)
        for index in stride(from: 0, to: bytes.count, by: 4093) { bytes[index] = UInt8(index % 251) }
        let source = try scratch.write("source.bin", bytes)
        let ingested = try vault.ingest(path: Array(source.utf8), copy: true)
        #expect(try ingested.digest.hex == sha256sum(source))
        #expect(ingested.size == 9_000_001 && ingested.copied && !ingested.alreadyPresent)
        let object = vault.objectPath(for: ingested.digest)
        #expect(try sha256sum(object) == ingested.digest.hex)
        #expect(object.hasSuffix("/objects/" + ingested.digest.hex.prefix(2) + "/" + ingested.digest.hex.dropFirst(2)))
        #expect((try FileManager.default.attributesOfItem(atPath: object)[.posixPermissions] as? Int) == 0o444)
        #expect(try vault.temporaryFiles().isEmpty)
    }

    @Test func theSameBytesTwiceAreCheckedAgainstTheObjectNotReplaced() throws {
        let (scratch, vault) = try makeVault()
        let source = try scratch.write("a.bin", Data("same bytes".utf8))
        let first = try vault.ingest(path: Array(source.utf8), copy: true)
        let second = try vault.ingest(path: Array(source.utf8), copy: true)
        #expect(second.alreadyPresent && second.digest == first.digest)
        #expect(try vault.storedFiles().count == 1)
    }

    @Test func aCorruptObjectIsNotTrustedOnRegistration() throws {
        let (scratch, vault) = try makeVault()
        let source = try scratch.write("a.bin", Data("original".utf8))
        let first = try vault.ingest(path: Array(source.utf8), copy: true)
        let object = vault.objectPath(for: first.digest)
        chmod(object, 0o644)
        try Data("damaged!".utf8).write(to: URL(fileURLWithPath: object))
        #expect {
            try vault.ingest(path: Array(source.utf8), copy: true)
        } throws: { error in
            guard case .objectMismatch = error as? VaultError else { return false }
            return true
        }
        #expect(try vault.temporaryFiles().isEmpty)
    }

    @Test func aFileThatGrowsWhileReadIsRefused() throws {
        let (scratch, vault) = try makeVault()
        let source = try scratch.write("growing.bin", Data(repeating: 1, count: 1000))
        let appended = OnceFlag()
        #expect {
            try vault.ingest(path: Array(source.utf8), copy: true) { _ in
                guard appended.setOnce() else { return }
                let handle = FileHandle(forWritingAtPath: source)
                handle?.seekToEndOfFile()
                handle?.write(Data(repeating: 2, count: 10))
                try? handle?.close()
            }
        } throws: { error in
            guard case .sourceChanged = error as? VaultError else { return false }
            return (error as? VaultError)?.description.contains("growing.bin") == true
        }
        #expect(try vault.storedFiles().isEmpty)
        #expect(try vault.temporaryFiles().isEmpty)
    }

    @Test func inPlaceHashesWithoutCopying() throws {
        let (scratch, vault) = try makeVault()
        let source = try scratch.write("kept.bin", Data("stay here".utf8))
        let ingested = try vault.ingest(path: Array(source.utf8), copy: false)
        #expect(!ingested.copied)
        #expect(try ingested.digest.hex == sha256sum(source))
        #expect(try vault.storedFiles().isEmpty)
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let (scratch, vault) = try makeVault()
        let fifo = scratch.path("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect {
            try vault.ingest(path: Array(fifo.utf8), copy: true)
        } throws: { error in
            guard case let .notRegularFile(_, kind) = error as? VaultError else { return false }
            return kind == .fifo
        }
    }

    @Test func storedBytesAreFoundByDigest() throws {
        let (scratch, vault) = try makeVault()
        defer { withExtendedLifetime(scratch) {} }
        let digest = try vault.store(bytes: Array("frame".utf8))
        #expect(digest == SHA256Stream.digest(of: Array("frame".utf8)))
        #expect(vault.contains(digest))
        #expect(vault.checkObject(digest).state == .intact)
    }

    @Test func theWalkerNeverFollowsSymlinks() throws {
        let (scratch, _) = try makeVault()
        try FileManager.default.createDirectory(atPath: scratch.path("tree/sub"), withIntermediateDirectories: true)
        try scratch.write("tree/sub/b.bin", Data([2]))
        try scratch.write("tree/a.bin", Data([1]))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("tree/loop"), withDestinationPath: scratch.path("tree"))
        let items = InputWalker.expand([Array(scratch.path("tree").utf8)])
        let files = items.compactMap { item -> String? in
            if case let .file(path, _) = item { return String(decoding: path, as: UTF8.self) }
            return nil
        }
        #expect(files == [scratch.path("tree/a.bin"), scratch.path("tree/sub/b.bin")])
        #expect(items.contains { if case .skipped(_, .symlink) = $0 { true } else { false } })
    }
}

/// A flag one closure call can claim, for a callback that must act only the first time.
final class OnceFlag: Sendable {
    private let claimed = Mutex(false)

    func setOnce() -> Bool {
        claimed.withLock { value in
            defer { value = true }
            return !value
        }
    }
}
