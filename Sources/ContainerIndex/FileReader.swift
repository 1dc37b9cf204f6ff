#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads byte ranges of one file with `pread`, never more than asked for and never the whole
/// file. Owns its descriptor and closes it when released.
final class FileReader {
    let path: String
    let size: Int64
    private let descriptor: Int32

    /// Opens `path` read-only (`open`, then `fstat` for the size).
    convenience init(path: String) throws(ContainerIndexError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, function: "open", errno: errno) }
        try self.init(adopting: fd, path: path)
    }

    /// Takes ownership of a descriptor opened for reading (closed on failure too), then `fstat`
    /// for the size.
    init(adopting fd: Int32, path: String) throws(ContainerIndexError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .io(path: path, function: "fstat", errno: code)
        }
        self.path = path
        self.descriptor = fd
        self.size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes at `offset` (`pread`, retried on EINTR and short reads); fewer
    /// bytes come back only at end of file.
    func read(at offset: Int64, count: Int) throws(ContainerIndexError) -> [UInt8] {
        guard offset >= 0, count > 0, offset < size else { return [] }
        let wanted = Int(min(Int64(count), size - offset))
        var buffer = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        var failure: Int32 = 0
        buffer.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            while filled < wanted {
                let got = pread(descriptor, base + filled, wanted - filled, off_t(offset) + off_t(filled))
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                filled += got
            }
        }
        if failure != 0 { throw .io(path: path, function: "pread", errno: failure) }
        if filled < wanted { buffer.removeLast(wanted - filled) }
        return buffer
    }

    /// Reads exactly `count` bytes at `offset` or throws: for box contents whose extent is
    /// already known to lie inside the file.
    func readExactly(at offset: Int64, count: Int, what: String) throws(ContainerIndexError) -> [UInt8] {
        let bytes = try read(at: offset, count: count)
        guard bytes.count == count else {
            throw .malformed(path: path, reason: "\(what) at offset \(offset) runs past the end of the file")
        }
        return bytes
    }
}
