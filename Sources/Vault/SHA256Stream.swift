import Crypto
public import FootageModel

/// Incremental SHA-256 over byte buffers (swift-crypto; SHA-NI where the CPU has it).
public struct SHA256Stream {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: buffer)
    }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        // Contiguous bytes (an array) are hashed where they are; anything else is copied once.
        let hashedInPlace: Void? = bytes.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if hashedInPlace == nil { hasher.update(data: Array(bytes)) }
    }

    public func finish() -> FootageModel.SHA256Digest {
        // A SHA-256 digest is always 32 bytes, which `init(bytes:)` accepts.
        FootageModel.SHA256Digest(bytes: hasher.finalize()) ?? .zero
    }

    /// The digest of a complete byte sequence.
    public static func digest(of bytes: some Sequence<UInt8>) -> FootageModel.SHA256Digest {
        var stream = SHA256Stream()
        stream.update(bytes)
        return stream.finish()
    }
}
