import CVaultShim
import FootageModel
import Glibc

/// Reads a regular file once, front to back, in large chunks: every chunk is hashed and, when a
/// destination is given, written to it in the same pass.
struct HashingReader {
    /// 4 MiB: large enough that a 1 GB file is a few hundred system calls.
    static let chunkSize = 4 << 20

    struct Outcome {
        var stream: SHA256Stream
        var bytesRead: Int64

        var digest: SHA256Digest { stream.finish() }
    }

    /// How large a buffer a file of `size` bytes is best read with: a small file gets a small
    /// buffer (most of a 4 MiB buffer would be paged in for nothing), one byte more than the
    /// file so that its whole content comes in one read.
    static func bufferSize(forFileOf size: Int64) -> Int {
        Int(min(Int64(chunkSize), max(65_536, size + 1)))
    }

    /// Hashes `source` to its end, copying into `destination` if it is not `nil`. `sizeHint` is
    /// the size a `stat` of the source just gave: it sizes the buffer, and a read that comes back
    /// short once that many bytes are in is the end of a regular file, so no further read is made
    /// to see it return 0. A file that has grown since is still read to its real end.
    static func run(source: Int32, sourcePath: @autoclosure () -> String, sizeHint: Int64, buffer: ReadBuffer? = nil,
                    destination: Int32?, destinationPath: @autoclosure () -> String,
                    progress: (@Sendable (Int64) -> Void)? = nil) throws(VaultError) -> Outcome {
        let wanted = bufferSize(forFileOf: sizeHint)
        let reader = buffer ?? ReadBuffer(byteCount: wanted)
        reader.reserve(wanted)
        let readSize = min(reader.bytes.count, chunkSize)
        guard let base = reader.bytes.baseAddress else {
            throw VaultError.system(call: "malloc", path: sourcePath(), code: ENOMEM)
        }
        // Read-ahead advice only pays for a file that takes more than one read.
        if sizeHint >= Int64(readSize) { _ = posix_fadvise(source, 0, 0, POSIX_FADV_SEQUENTIAL) }
        var stream = SHA256Stream()
        var total: Int64 = 0
        while true {
            let count = try SystemCall.check("read", sourcePath()) { read(source, base, readSize) }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(start: base, count: count)
            stream.update(chunk)
            if let destination {
                try SystemCall.writeAll(destination, chunk, destinationPath())
                // Start writing this chunk to disk now, so the closing fsync overlaps the reading.
                // Only a hint: a failure here shows up again, and is reported, at that fsync.
                _ = vault_start_writeback(destination, total, Int64(count))
            }
            total += Int64(count)
            progress?(Int64(count))
            if count < readSize && total >= sizeHint { break }
        }
        return Outcome(stream: stream, bytesRead: total)
    }
}
