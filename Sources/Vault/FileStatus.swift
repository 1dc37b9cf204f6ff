import Glibc

/// The parts of a `stat` result that say whether a file is still the same file with the same
/// contents: compared before and after a read to refuse a file that changed meanwhile.
public struct FileStatus: Sendable, Hashable {
    public var kind: FileKind
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64

    init(_ info: stat) {
        kind = FileKind(mode: info.st_mode)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }

    /// What differs between two snapshots of the same path, in words; `nil` if nothing does.
    public func change(since earlier: FileStatus) -> String? {
        if device != earlier.device || inode != earlier.inode { return "it was replaced by another file" }
        if size != earlier.size { return "size went from \(earlier.size) to \(size) bytes" }
        if modifiedSeconds != earlier.modifiedSeconds || modifiedNanoseconds != earlier.modifiedNanoseconds {
            return "its modification time changed"
        }
        return nil
    }
}

extension Vault {
    /// The status of the entry at `path` as it is now (`lstat`, never following a symlink).
    public static func status(of path: [UInt8]) throws(VaultError) -> FileStatus {
        try SystemCall.lstatus(path)
    }
}
