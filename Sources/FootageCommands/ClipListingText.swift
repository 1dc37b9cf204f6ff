import Catalogue

/// The text listing of `footage clips` on two threads: the catalogue scan copies each row's few
/// fields into blocks of rows while another task turns the blocks into lines and writes them, so
/// that on a large catalogue the formatting costs no time beyond the scan.
enum ClipListingText {
    /// Rows copied out of SQLite's buffer: each row's bytes back to back (the 12 hex digits shown,
    /// then the probe failure, the source and the original name), with the lengths in `rows`.
    struct Block: Sendable {
        struct Row: Sendable {
            var digestLength: Int32
            var size: Int64
            var durationMicroseconds: Int64?
            /// -1 when the probe did not fail.
            var failureLength: Int32
            var sourceLength: Int32
            var nameLength: Int32
        }

        static let rowsPerBlock = 4096
        var bytes: [UInt8] = []
        var rows: [Row] = []

        var isFull: Bool { rows.count >= Self.rowsPerBlock }

        mutating func add(_ clip: ClipListingEntry) {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: clip.digestHex.prefix(12)))
            if let failure = clip.probeFailure { bytes.append(contentsOf: failure) }
            bytes.append(contentsOf: clip.source)
            bytes.append(contentsOf: clip.originalName)
            rows.append(Row(digestLength: Int32(min(12, clip.digestHex.count)), size: clip.size, durationMicroseconds: clip.durationMicroseconds,
                            failureLength: clip.probeFailure.map { Int32($0.count) } ?? -1,
                            sourceLength: Int32(clip.source.count), nameLength: Int32(clip.originalName.count)))
        }
    }

    /// Lists every clip on stdout, one line each; the first write failure, if any, is returned
    /// after the scan has ended.
    static func write(_ catalogue: Catalogue) async throws(CatalogueError) -> OutputFailure? {
        let (blocks, sender) = AsyncStream.makeStream(of: Block.self)
        async let failure = lines(from: blocks)
        var block = Block()
        do {
            try catalogue.forEachClipListing { clip in
                block.add(clip)
                if block.isFull {
                    sender.yield(block)
                    block = Block()
                }
                return true
            }
        } catch {
            sender.finish()
            _ = await failure
            throw error
        }
        sender.yield(block)
        sender.finish()
        return await failure
    }

    /// Formats and writes the blocks in order; after a write fails the rest are only drained.
    private static func lines(from blocks: AsyncStream<Block>) async -> OutputFailure? {
        var output = OutputBuffer()
        var failure: OutputFailure?
        for await block in blocks where failure == nil {
            do throws(OutputFailure) {
                try append(block, to: &output)
                try output.flush()
            } catch {
                failure = error
            }
        }
        return failure
    }

    private static func append(_ block: Block, to output: inout OutputBuffer) throws(OutputFailure) {
        var failure: OutputFailure?
        block.bytes.withUnsafeBytes { bytes in
            var offset = 0
            func take(_ count: Int) -> UnsafeRawBufferPointer {
                defer { offset += count }
                return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
            }
            for row in block.rows {
                output.append(raw: take(Int(row.digestLength)))
                output.append("  ")
                if let micros = row.durationMicroseconds {
                    if row.failureLength >= 0 { _ = take(Int(row.failureLength)) }
                    output.append(secondsFromMicroseconds: micros)
                } else if row.failureLength >= 0 {
                    output.append("(")
                    output.append(escaped: take(Int(row.failureLength)))
                    output.append(")")
                } else {
                    output.append("-")
                }
                output.append("  ")
                output.append(decimal: row.size)
                output.append("  ")
                output.append(escaped: take(Int(row.sourceLength)))
                output.append("  ")
                output.append(escaped: take(Int(row.nameLength)))
                output.append("\n")
                do throws(OutputFailure) { try output.flushIfFull() } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
    }
}
