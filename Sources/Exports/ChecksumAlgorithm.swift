import Crypto

/// A checksum algorithm a BagIt manifest may name (`manifest-<algorithm>.txt`).
public enum ChecksumAlgorithm: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case md5, sha1, sha256, sha384, sha512

    /// Length of the lowercase hex digest.
    public var hexLength: Int {
        switch self {
        case .md5: 32
        case .sha1: 40
        case .sha256: 64
        case .sha384: 96
        case .sha512: 128
        }
    }

    public static func < (lhs: ChecksumAlgorithm, rhs: ChecksumAlgorithm) -> Bool {
        lhs.hexLength < rhs.hexLength
    }

    /// A fresh running digest for this algorithm.
    func start() -> RunningDigest {
        switch self {
        case .md5: .md5(Insecure.MD5())
        case .sha1: .sha1(Insecure.SHA1())
        case .sha256: .sha256(SHA256())
        case .sha384: .sha384(SHA384())
        case .sha512: .sha512(SHA512())
        }
    }
}

/// A digest being computed, fed chunk by chunk.
enum RunningDigest {
    case md5(Insecure.MD5)
    case sha1(Insecure.SHA1)
    case sha256(SHA256)
    case sha384(SHA384)
    case sha512(SHA512)

    mutating func update(_ chunk: UnsafeRawBufferPointer) {
        switch self {
        case .md5(var h): h.update(bufferPointer: chunk); self = .md5(h)
        case .sha1(var h): h.update(bufferPointer: chunk); self = .sha1(h)
        case .sha256(var h): h.update(bufferPointer: chunk); self = .sha256(h)
        case .sha384(var h): h.update(bufferPointer: chunk); self = .sha384(h)
        case .sha512(var h): h.update(bufferPointer: chunk); self = .sha512(h)
        }
    }

    /// The lowercase hex digest.
    func finalizedHex() -> String {
        switch self {
        case .md5(let h): Hex.encode(h.finalize())
        case .sha1(let h): Hex.encode(h.finalize())
        case .sha256(let h): Hex.encode(h.finalize())
        case .sha384(let h): Hex.encode(h.finalize())
        case .sha512(let h): Hex.encode(h.finalize())
        }
    }
}

/// Lowercase hexadecimal text of bytes.
enum Hex {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
