#if canImport(Glibc)
import Glibc
#endif

/// Watches files with inotify for any open or read, to prove that something was never touched.
public final class FileAccessWatch {
    private let descriptor: Int32

    /// Starts watching `paths` for `IN_OPEN` and `IN_ACCESS` (`inotify_init1`, `inotify_add_watch`).
    public init(_ paths: [String]) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw FixtureError.failed("inotify_init1 failed: errno \(errno)") }
        for path in paths where inotify_add_watch(descriptor, path, UInt32(IN_OPEN | IN_ACCESS)) < 0 {
            close(descriptor)
            throw FixtureError.failed("inotify_add_watch \(path) failed: errno \(errno)")
        }
    }

    /// Whether any watched file has been opened or read since the watch started.
    public var sawAccess: Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return count > 0
    }

    deinit { close(descriptor) }
}
