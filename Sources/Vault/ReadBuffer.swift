import Glibc

/// A page-aligned buffer that files are read into, kept by one worker across many files so that
/// re-hashing a thousand small objects allocates once, not a thousand times. It grows on demand
/// and never shrinks. Not Sendable: each worker owns its own.
final class ReadBuffer {
    private(set) var bytes: UnsafeMutableRawBufferPointer

    init(byteCount: Int) {
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(4096, byteCount), alignment: 4096)
    }

    deinit { bytes.deallocate() }

    /// Makes the buffer at least `byteCount` bytes long (its contents are not kept).
    func reserve(_ byteCount: Int) {
        guard byteCount > bytes.count else { return }
        bytes.deallocate()
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: byteCount, alignment: 4096)
    }
}

@available(*, unavailable)
extension ReadBuffer: Sendable {}
