import FootageModel
import Glibc

/// The one funnel every system call in the vault goes through: a C status becomes a typed
/// `VaultError` naming the call and the path. `EINTR` is retried here so callers never see it.
enum SystemCall {
    /// Runs `body` (a C call returning -1 and setting `errno` on failure) and returns its result.
    /// The path is only made into text when the call fails.
    @discardableResult
    static func check<Result: BinaryInteger>(_ call: String, _ path: @autoclosure () -> String,
                                             _ body: () -> Result) throws(VaultError) -> Result {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw VaultError.system(call: call, path: path(), code: code)
        }
    }

    /// Calls `body` with a NUL-terminated C string of the raw path bytes.
    static func withPath<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) throws(VaultError) -> T) throws(VaultError) -> T {
        var terminated = path
        terminated.append(0)
        let result: Swift.Result<T, VaultError> = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return .failure(.system(call: "path", path: "", code: EINVAL)) }
                do throws(VaultError) { return .success(try body(base)) } catch { return .failure(error) }
            }
        }
        return try result.get()
    }

    /// `lstat(2)`: the entry itself, never what a symlink points to.
    static func lstatus(_ path: [UInt8]) throws(VaultError) -> FileStatus {
        try withPath(path) { (cPath) throws(VaultError) -> FileStatus in
            var info = stat()
            try check("lstat", display(path)) { lstat(cPath, &info) }
            return FileStatus(info)
        }
    }

    /// `fstat(2)` on an open descriptor.
    static func fstatus(_ descriptor: Int32, _ path: String) throws(VaultError) -> FileStatus {
        var info = stat()
        try check("fstat", path) { fstat(descriptor, &info) }
        return FileStatus(info)
    }

    /// `open(2)` on raw path bytes.
    static func open(_ path: [UInt8], _ flags: Int32, _ mode: mode_t = 0) throws(VaultError) -> Int32 {
        try withPath(path) { (cPath) throws(VaultError) -> Int32 in
            try check("open", display(path)) { Glibc.open(cPath, flags, mode) }
        }
    }

    /// Writes all of `buffer`, looping over short writes.
    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer,
                         _ path: @autoclosure () -> String) throws(VaultError) {
        var offset = 0
        while offset < buffer.count {
            guard let base = buffer.baseAddress else { return }
            let written = try check("write", path()) { Glibc.write(descriptor, base + offset, buffer.count - offset) }
            offset += written
        }
    }

    /// `fsync(2)` on a folder, so that a new entry in it survives a power loss.
    static func syncDirectory(_ path: String) throws(VaultError) {
        let descriptor = try open(Array(path.utf8), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(descriptor) }
        try check("fsync", path) { fsync(descriptor) }
    }

    /// A path for messages: the bytes escaped exactly as names are shown everywhere else.
    static func display(_ path: [UInt8]) -> String {
        ClipFileName(bytes: path).escaped
    }
}
