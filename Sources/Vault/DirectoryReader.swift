import Glibc

/// Lists a folder's entries as raw byte names (no decoding, so no name is ever altered).
enum DirectoryReader {
    /// One entry: its name and, when the file system says so in the listing itself, its kind
    /// (`nil` when it does not, and only an `lstat` can tell).
    struct Entry {
        var name: [UInt8]
        var kind: FileKind?
    }

    static func names(in folder: [UInt8]) throws(VaultError) -> [[UInt8]] {
        try entries(in: folder).map(\.name)
    }

    /// The entries of the folder at `folder`, other than `.` and `..`, in the order read.
    static func entries(in folder: [UInt8]) throws(VaultError) -> [Entry] {
        let stream = try SystemCall.withPath(folder) { (cPath) throws(VaultError) -> OpaquePointer in
            guard let handle = opendir(cPath) else {
                throw VaultError.system(call: "opendir", path: SystemCall.display(folder), code: errno)
            }
            return handle
        }
        return try read(stream, shown: SystemCall.display(folder))
    }

    /// The entries of the folder `name` inside the open folder `parent`, never following a
    /// symlink in its place; `shown` names it in an error.
    static func entries(in name: [UInt8], of parent: Int32, shown: @autoclosure () -> String) throws(VaultError) -> [Entry] {
        let descriptor = try SystemCall.withPath(name) { (cName) throws(VaultError) -> Int32 in
            try SystemCall.check("opendir", shown()) { openat(parent, cName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        }
        guard let stream = fdopendir(descriptor) else {
            let code = errno
            close(descriptor)
            throw VaultError.system(call: "opendir", path: shown(), code: code)
        }
        return try read(stream, shown: shown())
    }

    /// Reads a directory stream to its end and closes it.
    private static func read(_ stream: OpaquePointer, shown: @autoclosure () -> String) throws(VaultError) -> [Entry] {
        defer { closedir(stream) }
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw VaultError.system(call: "readdir", path: shown(), code: errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            entries.append(Entry(name: name, kind: kind(ofEntryType: entry.pointee.d_type)))
        }
        return entries
    }

    private static func kind(ofEntryType type: UInt8) -> FileKind? {
        switch Int(type) {
        case Int(DT_REG): .regular
        case Int(DT_DIR): .directory
        case Int(DT_LNK): .symlink
        case Int(DT_FIFO): .fifo
        case Int(DT_CHR): .characterDevice
        case Int(DT_BLK): .blockDevice
        case Int(DT_SOCK): .socket
        default: nil
        }
    }
}
