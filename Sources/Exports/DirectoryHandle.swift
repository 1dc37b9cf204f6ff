#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CExportsSystem

/// An open folder through which files are created and opened one name at a time (`openat`,
/// `mkdirat`), never following a symbolic link, so nothing reached through it can lie outside it.
final class DirectoryHandle {
    let descriptor: Int32
    /// The folder's path, for error messages.
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// What a name inside the folder is, without following it (`fstatat` with
    /// `AT_SYMLINK_NOFOLLOW`).
    enum Kind: Equatable {
        case file(size: Int64)
        case folder
        case symbolicLink
        case other
    }

    /// Opens an existing folder; refuses when the last component is a symbolic link
    /// (`open` with `O_DIRECTORY|O_NOFOLLOW`).
    static func openExisting(path: String) throws(ExportError) -> DirectoryHandle {
        do {
            let fd = try SystemCall.run("open", path: path) {
                open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            return DirectoryHandle(descriptor: fd, path: path)
        } catch {
            if case .system(_, _, let code) = error, code == ELOOP || code == ENOTDIR {
                throw .notAFolder(path: path)
            }
            throw error
        }
    }

    /// Creates the folder at `path` (`mkdir`) unless it exists, then opens it without following
    /// a link.
    static func openOrCreate(path: String) throws(ExportError) -> DirectoryHandle {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw .system(function: "mkdir", path: path, code: errno)
        }
        return try openExisting(path: path)
    }

    func childPath(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// Opens the sub-folder `name`, refusing a symbolic link (`openat` with `O_NOFOLLOW`).
    func openFolder(_ name: String) throws(ExportError) -> DirectoryHandle {
        try Self.checkName(name, in: self)
        let target = childPath(name)
        do {
            let fd = try SystemCall.run("openat", path: target) {
                openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            return DirectoryHandle(descriptor: fd, path: target)
        } catch {
            if case .system(_, _, let code) = error, code == ELOOP || code == ENOTDIR {
                throw .notAFolder(path: target)
            }
            throw error
        }
    }

    /// Creates the sub-folder `name` (`mkdirat`); an existing folder of that name is reused only
    /// when `reuse` is set, and a link in its place is always refused.
    func makeFolder(_ name: String, reuse: Bool) throws(ExportError) -> DirectoryHandle {
        try Self.checkName(name, in: self)
        if mkdirat(descriptor, name, 0o755) != 0 {
            let code = errno
            if code != EEXIST || !reuse {
                throw .system(function: "mkdirat", path: childPath(name), code: code)
            }
        }
        return try openFolder(name)
    }

    /// Creates a new file `name`; fails if anything, a link included, already has that name
    /// (`openat` with `O_CREAT|O_EXCL|O_NOFOLLOW`).
    func createFile(_ name: String) throws(ExportError) -> OpenFile {
        try Self.checkName(name, in: self)
        let target = childPath(name)
        let fd = try SystemCall.run("openat", path: target) {
            openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        return OpenFile(descriptor: fd, path: target)
    }

    /// Opens the file `name` to read, refusing a symbolic link (`openat` with `O_NOFOLLOW`).
    func openFile(_ name: String) throws(ExportError) -> OpenFile {
        try Self.checkName(name, in: self)
        let target = childPath(name)
        let fd = try SystemCall.run("openat", path: target) {
            openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        }
        return OpenFile(descriptor: fd, path: target)
    }

    /// What `name` is, without following it; `nil` when nothing has that name.
    func kind(of name: String) throws(ExportError) -> Kind? {
        try Self.checkName(name, in: self)
        return try kind(ofRaw: Array(name.utf8))
    }

    /// The same for a raw name, which need not be valid UTF-8 (as `names()` returns them).
    func kind(ofRaw name: [UInt8]) throws(ExportError) -> Kind? {
        var size: Int64 = 0
        let code = (name + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars -> Int32 in
                guard let text = chars.baseAddress else { return -1 }
                return exports_kind_at(descriptor, text, &size)
            }
        }
        switch code {
        case Int32(EXPORTS_KIND_FILE.rawValue): return .file(size: size)
        case Int32(EXPORTS_KIND_FOLDER.rawValue): return .folder
        case Int32(EXPORTS_KIND_LINK.rawValue): return .symbolicLink
        case Int32(EXPORTS_KIND_OTHER.rawValue): return .other
        default:
            let failure = errno
            if failure == ENOENT { return nil }
            throw .system(function: "fstatat", path: childPath(String(decoding: name, as: UTF8.self)), code: failure)
        }
    }

    /// The raw names in the folder, without `.` and `..` (`fdopendir` on a duplicate descriptor,
    /// `readdir`). Names are bytes: a file system name need not be valid UTF-8.
    func names() throws(ExportError) -> [[UInt8]] {
        let copy = try SystemCall.run("dup", path: path) { dup(descriptor) }
        guard let stream = fdopendir(copy) else {
            let code = errno
            close(copy)
            throw .system(function: "fdopendir", path: path, code: code)
        }
        defer { closedir(stream) }
        // The stream starts wherever the shared offset is: rewind so every listing is complete.
        rewinddir(stream)
        var result: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw .system(function: "readdir", path: path, code: errno) }
                break
            }
            guard let text = exports_entry_name(entry) else { continue }
            let name = Array(UnsafeRawBufferPointer(start: text, count: strlen(text)))
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            result.append(name)
        }
        return result
    }

    /// Flushes the folder's entries to stable storage (`fsync`), so new names survive a crash.
    func sync() throws(ExportError) {
        _ = try SystemCall.run("fsync", path: path) { fsync(descriptor) }
    }

    /// One path component only: no separator, no NUL, not empty, not `.` or `..`.
    private static func checkName(_ name: String, in folder: DirectoryHandle) throws(ExportError) {
        if name.isEmpty || name == "." || name == ".." || name.contains("/") || name.utf8.contains(0) {
            throw .unsafePayloadPath(path: folder.childPath(name), reason: "not a single path component")
        }
    }
}
