#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one open file descriptor and closes it when released. Not Sendable: one owner.
final class OpenFile {
    let descriptor: Int32
    /// The path the file was opened under, for error messages.
    let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Opens a file to read (`open` with `O_RDONLY|O_CLOEXEC`). Source files may be links:
    /// following them is the caller's choice when naming the source.
    static func openForReading(path: String) throws(ExportError) -> OpenFile {
        let fd = try SystemCall.run("open", path: path) { open(path, O_RDONLY | O_CLOEXEC) }
        return OpenFile(descriptor: fd, path: path)
    }

    /// Reads up to `buffer.count` bytes (`read`); 0 at end of file.
    func readChunk(into buffer: UnsafeMutableRawBufferPointer) throws(ExportError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        return try SystemCall.count("read", path: path) { read(descriptor, base, buffer.count) }
    }

    /// Writes every byte of `buffer` (`write`, repeated until done).
    func writeAll(_ buffer: UnsafeRawBufferPointer) throws(ExportError) {
        guard var cursor = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = try SystemCall.count("write", path: path) { write(descriptor, cursor, remaining) }
            if written == 0 { throw .shortWrite(path: path) }
            cursor += written
            remaining -= written
        }
    }

    func writeAll(_ bytes: [UInt8]) throws(ExportError) {
        let outcome = bytes.withUnsafeBytes { raw in
            Result { () throws(ExportError) in try writeAll(raw) }
        }
        try outcome.get()
    }

    /// Flushes the file's data and metadata to stable storage (`fsync`).
    func sync() throws(ExportError) {
        _ = try SystemCall.run("fsync", path: path) { fsync(descriptor) }
    }
}
