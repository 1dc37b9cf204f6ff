public import FootageModel
import Glibc

/// The content-addressed store of evidentiary copies: `objects/ab/cdef…` named by SHA-256,
/// written once and read-only, with `tmp/` for copies still being written.
///
/// Writing follows one order so that a crash at any point leaves either nothing or a complete,
/// durable object: exclusive temp file, hash while copying, `fsync`, `link` into place (never
/// replacing), `fsync` the folder, and only then may the catalogue record it.
public struct Vault: Sendable {
    /// The vault folder (holding `objects/` and `tmp/`).
    public let root: String

    public var objectsPath: String { root + "/objects" }
    public var temporaryPath: String { root + "/tmp" }

    /// Opens an existing vault, checking that its folders are there.
    public init(root: String) throws(VaultError) {
        self.root = root
        for folder in [objectsPath, temporaryPath] {
            let status: FileStatus
            do { status = try SystemCall.lstatus(Array(folder.utf8)) } catch { throw .missingVault(path: root) }
            guard status.kind == .directory else { throw .missingVault(path: root) }
        }
    }

    /// Creates the vault folders (and the folder above them if needed) and syncs them.
    @discardableResult
    public static func create(at root: String) throws(VaultError) -> Vault {
        for folder in [root, root + "/objects", root + "/tmp"] {
            let result = mkdir(folder, 0o755)
            if result != 0 && errno != EEXIST {
                throw VaultError.system(call: "mkdir", path: folder, code: errno)
            }
        }
        try SystemCall.syncDirectory(root)
        let parent = String(root[..<(root.lastIndex(of: "/") ?? root.endIndex)])
        if !parent.isEmpty { try SystemCall.syncDirectory(parent) }
        return try Vault(root: root)
    }

    /// Where the object with this digest lives (whether or not it is there).
    public func objectPath(for digest: SHA256Digest) -> String {
        let hex = digest.hex
        return objectsPath + "/" + hex.prefix(2) + "/" + hex.dropFirst(2)
    }

    /// Whether an object with this digest is present.
    public func contains(_ digest: SHA256Digest) -> Bool {
        (try? SystemCall.lstatus(Array(objectPath(for: digest).utf8)))?.kind == .regular
    }

    /// Reads the file at `path` once, hashing it and (unless `copy` is false) copying it into the
    /// vault. The file must be a regular file that does not change while it is read.
    public func ingest(path: [UInt8], copy: Bool,
                       progress: (@Sendable (Int64) -> Void)? = nil) throws(VaultError) -> IngestedFile {
        let shown = SystemCall.display(path)
        let before = try SystemCall.lstatus(path)
        guard before.kind == .regular else { throw .notRegularFile(path: shown, kind: before.kind) }
        // O_NONBLOCK: if a FIFO was swapped in after the lstat, opening it must not wait for a writer.
        let source = try SystemCall.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        defer { close(source) }
        let opened = try SystemCall.fstatus(source, shown)
        guard opened.kind == .regular else { throw .notRegularFile(path: shown, kind: opened.kind) }
        if let change = opened.change(since: before) { throw .sourceChanged(path: shown, what: change) }

        let temporary: TemporaryFile? = copy ? try TemporaryFile(in: temporaryPath) : nil
        defer { temporary?.discard() }
        let outcome = try HashingReader.run(source: source, sourcePath: shown, sizeHint: opened.size,
                                            destination: temporary?.descriptor,
                                            destinationPath: temporary?.path ?? "", progress: progress)

        let after = try SystemCall.fstatus(source, shown)
        if let change = after.change(since: opened) { throw .sourceChanged(path: shown, what: change) }
        if outcome.bytesRead != after.size {
            throw .sourceChanged(path: shown, what: "read \(outcome.bytesRead) of \(after.size) bytes")
        }
        if let renamed = try? SystemCall.lstatus(path), let change = renamed.change(since: opened) {
            throw .sourceChanged(path: shown, what: change)
        }

        let digest = outcome.digest
        var alreadyPresent = false
        if let file = temporary {
            alreadyPresent = try place(file, digest: digest)
        }
        return IngestedFile(digest: digest, size: outcome.bytesRead, status: after,
                            copied: copy, alreadyPresent: alreadyPresent)
    }

    /// Stores a derived file (a frame, a contact sheet) by its digest; returns the digest.
    /// Storing the same bytes twice is harmless: the second time finds the object in place.
    @discardableResult
    public func store(bytes: [UInt8]) throws(VaultError) -> SHA256Digest {
        let digest = SHA256Stream.digest(of: bytes)
        let file = try TemporaryFile(in: temporaryPath)
        defer { file.discard() }
        let failure: VaultError? = bytes.withUnsafeBytes { buffer in
            do throws(VaultError) { try SystemCall.writeAll(file.descriptor, buffer, file.path) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        _ = try place(file, digest: digest)
        return digest
    }

    /// Makes a finished temp file the object for `digest`: sync, read-only, link (never
    /// replacing), sync the folder, remove the temp name. Returns whether the object was already
    /// there, in which case it is re-hashed rather than trusted. The caller discards the temp name.
    private func place(_ file: TemporaryFile, digest: SHA256Digest) throws(VaultError) -> Bool {
        try SystemCall.check("fsync", file.path) { fsync(file.descriptor) }
        try SystemCall.check("fchmod", file.path) { fchmod(file.descriptor, 0o444) }
        let folder = objectsPath + "/" + digest.hex.prefix(2)
        if mkdir(folder, 0o755) == 0 {
            try SystemCall.syncDirectory(objectsPath)
        } else if errno != EEXIST {
            throw VaultError.system(call: "mkdir", path: folder, code: errno)
        }
        let target = objectPath(for: digest)
        if link(file.path, target) != 0 {
            let code = errno
            guard code == EEXIST else { throw VaultError.system(call: "link", path: target, code: code) }
            let check = checkObject(digest)
            guard case .intact = check.state else {
                throw VaultError.objectMismatch(path: target, expected: digest.hex,
                                                actual: check.actualDigest?.hex ?? check.state.rawValue)
            }
            return true
        }
        try SystemCall.syncDirectory(folder)
        return false
    }
}

/// The result of reading a file into the vault (or hashing it in place).
public struct IngestedFile: Sendable, Hashable {
    public var digest: SHA256Digest
    public var size: Int64
    /// The file's status after reading, unchanged from before.
    public var status: FileStatus
    /// Whether a copy went into the vault (false for `--in-place`).
    public var copied: Bool
    /// Whether the vault already held these bytes (the copy was checked against it and dropped).
    public var alreadyPresent: Bool
}
