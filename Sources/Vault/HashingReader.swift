import CVaultShim
import FootageModel
import Glibc

/// Reads a file once, front to back, in large chunks: every chunk is hashed and, when a
/// destination is given, written to it in the same pass.
struct HashingReader {
    /// 4 MiB: large enough that a 1 GB file is a few hundred system calls.
    static let chunkSize = 4 << 20

    struct Outcome {
        var digest: SHA256Digest
        var bytesRead: Int64
    }

    /// Hashes `source` to its end, copying into `destination` if it is not `nil`.
    /// `sizeHint` is the size a `stat` of the source just gave: it only sizes the buffer, so a
    /// file that has changed since is still read to its real end.
    static func run(source: Int32, sourcePath: String, sizeHint: Int64, destination: Int32?, destinationPath: String,
                    progress: (@Sendable (Int64) -> Void)? = nil) throws(VaultError) -> Outcome {
        // A small file gets a small buffer: most of a 4 MiB buffer would be paged in for nothing.
        let bufferSize = Int(min(Int64(chunkSize), max(65_536, sizeHint + 1)))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 4096)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else {
            throw VaultError.system(call: "malloc", path: sourcePath, code: ENOMEM)
        }
        // Read-ahead advice only pays for a file that takes more than one read.
        if sizeHint >= Int64(bufferSize) { _ = posix_fadvise(source, 0, 0, POSIX_FADV_SEQUENTIAL) }
        var stream = SHA256Stream()
        var total: Int64 = 0
        while true {
            let count = try SystemCall.check("read", sourcePath) { read(source, base, bufferSize) }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(start: base, count: count)
            stream.update(chunk)
            if let destination {
                try SystemCall.writeAll(destination, chunk, destinationPath)
                // Start writing this chunk to disk now, so the closing fsync overlaps the reading.
                // Only a hint: a failure here shows up again, and is reported, at that fsync.
                _ = vault_start_writeback(destination, total, Int64(count))
            }
            total += Int64(count)
            progress?(Int64(count))
        }
        return Outcome(digest: stream.finish(), bytesRead: total)
    }
}
