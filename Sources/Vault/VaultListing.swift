public import FootageModel
import Glibc

/// One file found under `objects/` when walking the vault.
public struct StoredFile: Sendable, Hashable {
    /// The path relative to the vault folder, e.g. `objects/ab/cdef…`.
    public var relativePath: String
    /// The digest its name stands for; `nil` when the name is not a well-formed object name.
    public var digest: SHA256Digest?
}

extension Vault {
    /// Every file under `objects/` (two-character folders of 62-character names), sorted.
    public func storedFiles() throws(VaultError) -> [StoredFile] {
        var found: [StoredFile] = []
        for folder in try Self.entries(of: objectsPath) {
            let folderPath = objectsPath + "/" + folder
            let kind = try SystemCall.lstatus(Array(folderPath.utf8)).kind
            guard kind == .directory else {
                found.append(StoredFile(relativePath: "objects/" + folder, digest: nil))
                continue
            }
            for name in try Self.entries(of: folderPath) {
                let digest = folder.utf8.count == 2 ? SHA256Digest(hex: folder + name) : nil
                // A name in upper case is not how the vault writes objects: treat it as a stranger.
                let wellFormed = digest.map { $0.hex == folder + name } ?? false
                found.append(StoredFile(relativePath: "objects/\(folder)/\(name)", digest: wellFormed ? digest : nil))
            }
        }
        return found
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
