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
        hasher.finalize().withUnsafeBytes { FootageModel.SHA256Digest(bytes: $0) } ?? .zero
    }

    /// The digest as 64 lowercase hex digits in `hex` (its contents replaced): for comparing
    /// many digests with stored text without making a `String` for each.
    public func finish(hexInto hex: inout [UInt8]) {
        if hex.count != 64 { hex = [UInt8](repeating: 0, count: 64) }
        let digest = hasher.finalize()
        hex.withUnsafeMutableBytes { out in
            digest.withUnsafeBytes { FootageModel.SHA256Digest.writeHex(of: $0, into: out) }
        }
    }

    /// Whether the digest equals `digest`, compared digit by digit with its hex text: no
    /// `String` and no buffer are made for the comparison.
    public func finishMatches(_ digest: FootageModel.SHA256Digest) -> Bool {
        let digits: StaticString = "0123456789abcdef"
        return hasher.finalize().withUnsafeBytes { raw in
            digits.withUTF8Buffer { table in
                var expected = digest.hex.utf8.makeIterator()
                for byte in raw {
                    guard expected.next() == table[Int(byte >> 4)], expected.next() == table[Int(byte & 0x0F)] else {
                        return false
                    }
                }
                return expected.next() == nil
            }
        }
    }

    /// The digest of a complete byte sequence.
    public static func digest(of bytes: some Sequence<UInt8>) -> FootageModel.SHA256Digest {
        var stream = SHA256Stream()
        stream.update(bytes)
        return stream.finish()
    }
}
