/// Streams bytes from a source into a destination while computing several digests in the same
/// pass, so a file is read once however many checksums the bag needs.
struct HashingCopier: ~Copyable {
    /// Large chunks keep the number of system calls small for gigabyte clips.
    static let chunkSize = 4 << 20

    private let buffer: UnsafeMutableRawBufferPointer

    init() {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 4096)
    }

    deinit { buffer.deallocate() }

    /// Copies `source` to `destination` (when given) to the end, returning the byte count and
    /// the digests in the order of `algorithms`.
    func copy(from source: OpenFile, to destination: OpenFile?,
              algorithms: [ChecksumAlgorithm]) throws(ExportError) -> (size: Int64, digests: [String]) {
        var running = algorithms.map { $0.start() }
        var total: Int64 = 0
        while true {
            let count = try source.readChunk(into: buffer)
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            try destination?.writeAll(chunk)
            for index in running.indices { running[index].update(chunk) }
            total += Int64(count)
        }
        return (total, running.map { $0.finalizedHex() })
    }

    /// Digests of bytes already in memory.
    static func digests(of bytes: [UInt8], algorithms: [ChecksumAlgorithm]) -> [String] {
        var running = algorithms.map { $0.start() }
        bytes.withUnsafeBytes { raw in
            for index in running.indices { running[index].update(raw) }
        }
        return running.map { $0.finalizedHex() }
    }
}
