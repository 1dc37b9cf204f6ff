public import FootageModel
import Glibc

/// One file found under `objects/` when walking the vault.
public struct StoredFile: Sendable, Hashable {
    /// The path relative to the vault folder, e.g. `objects/ab/cdef…`.
    public var relativePath: String
    /// The digest its name stands for; `nil` when the name is not a well-formed object name.
    public var digest: SHA256Digest?
}

/// What a vault holds at one moment: its objects and its temp files.
public struct VaultContents: Sendable, Hashable {
    /// Every file under `objects/`, as `storedFiles()` lists them.
    public var stored: [StoredFile]
    /// Files left in `tmp/`, as `temporaryFiles()` lists them.
    public var temporary: [String]
}

extension Vault {
    /// The objects, then the temp files.
    public func contents() throws(VaultError) -> VaultContents {
        let stored = try storedFiles()
        return VaultContents(stored: stored, temporary: try temporaryFiles())
    }

    /// Every file under `objects/` (two-character folders of 62-character names), sorted. Kinds
    /// come from the listing itself where the file system gives them, and each folder is opened
    /// relative to `objects/`, so a vault of a thousand objects costs a few hundred system calls.
    public func storedFiles() throws(VaultError) -> [StoredFile] {
        let objects = Array(objectsPath.utf8)
        let folder = try SystemCall.withPath(objects) { (cPath) throws(VaultError) -> Int32 in
            try SystemCall.check("open", self.objectsPath) { open(cPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        }
        defer { close(folder) }
        var found: [StoredFile] = []
        for entry in Self.sortedForDisplay(try DirectoryReader.entries(in: objects)) {
            var kind = entry.kind
            if kind == nil { kind = try SystemCall.lstatus(objects + [UInt8(ascii: "/")] + entry.name).kind }
            guard kind == .directory else {
                found.append(StoredFile(relativePath: "objects/" + entry.shown, digest: nil))
                continue
            }
            let inside = try DirectoryReader.entries(in: entry.name, of: folder,
                                                     shown: self.objectsPath + "/" + entry.shown)
            for file in Self.sortedForDisplay(inside) {
                found.append(StoredFile(relativePath: "objects/" + entry.shown + "/" + file.shown,
                                        digest: Self.objectDigest(folder: entry.name, name: file.name)))
            }
        }
        return found
    }

    /// The digest an object's folder and name stand for: exactly 2 + 62 lowercase hex digits, as
    /// the vault writes them; any other name (upper case included) is a stranger's.
    private static func objectDigest(folder: [UInt8], name: [UInt8]) -> SHA256Digest? {
        func isLowerHex(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) }
        guard folder.count == 2, name.count == 62, folder.allSatisfy(isLowerHex), name.allSatisfy(isLowerHex) else {
            return nil
        }
        return SHA256Digest(hex: String(decoding: folder + name, as: UTF8.self))
    }

    /// Entries with the names they are shown by, sorted as those names sort. Plain names (all
    /// the vault writes) are shown as they are, so their bytes sort the same way.
    private static func sortedForDisplay(_ entries: [DirectoryReader.Entry]) -> [(name: [UInt8], kind: FileKind?, shown: String)] {
        let shown = entries.map { (name: $0.name, kind: $0.kind, shown: SystemCall.display($0.name)) }
        if entries.allSatisfy({ $0.name.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") } }) {
            return shown.sorted { $0.name.lexicographicallyPrecedes($1.name) }
        }
        return shown.sorted { $0.shown < $1.shown }
    }

    /// Names of the files left in `tmp/` (copies that were never placed, e.g. after a crash).
    public func temporaryFiles() throws(VaultError) -> [String] {
        try Self.entries(of: temporaryPath).map { "tmp/" + $0 }
    }

    /// Removes a file given by its path relative to the vault, and syncs its folder.
    public func remove(relativePath: String) throws(VaultError) {
        let path = root + "/" + relativePath
        try SystemCall.check("unlink", path) { unlink(path) }
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        try SystemCall.syncDirectory(folder)
    }

    /// The entries of a folder other than `.` and `..`, sorted. Vault names are ASCII; any other
    /// name is still listed, escaped.
    static func entries(of folder: String) throws(VaultError) -> [String] {
        try DirectoryReader.names(in: Array(folder.utf8)).map { SystemCall.display($0) }.sorted()
    }
}
