/// A bounds-checked big-endian reader over bytes already read from a box.
struct ByteCursor {
    let bytes: [UInt8]
    private(set) var position: Int
    /// Names the box being read, for error messages.
    let context: String
    let path: String

    init(_ bytes: [UInt8], context: String, path: String) {
        self.bytes = bytes
        self.position = 0
        self.context = context
        self.path = path
    }

    var remaining: Int { bytes.count - position }

    private func require(_ count: Int) throws(ContainerIndexError) {
        guard count >= 0, count <= remaining else {
            throw .malformed(path: path, reason: "\(context) box is shorter than its fields (needs \(count) more bytes at \(position), has \(remaining))")
        }
    }

    /// `count` bytes as a big-endian unsigned integer (count ≤ 8), read by index: the tables
    /// of long files hold hundreds of thousands of these.
    private mutating func bigEndian(_ count: Int) throws(ContainerIndexError) -> UInt64 {
        try require(count)
        var value: UInt64 = 0
        for i in position..<(position + count) { value = value << 8 | UInt64(bytes[i]) }
        position += count
        return value
    }

    mutating func skip(_ count: Int) throws(ContainerIndexError) {
        try require(count)
        position += count
    }

    mutating func uint8() throws(ContainerIndexError) -> UInt8 { UInt8(try bigEndian(1)) }

    mutating func uint16() throws(ContainerIndexError) -> UInt16 { UInt16(try bigEndian(2)) }

    mutating func uint24() throws(ContainerIndexError) -> UInt32 { UInt32(try bigEndian(3)) }

    mutating func uint32() throws(ContainerIndexError) -> UInt32 { UInt32(try bigEndian(4)) }

    mutating func int32() throws(ContainerIndexError) -> Int32 { Int32(bitPattern: try uint32()) }

    mutating func uint64() throws(ContainerIndexError) -> UInt64 { try bigEndian(8) }

    mutating func int64() throws(ContainerIndexError) -> Int64 { Int64(bitPattern: try uint64()) }

    mutating func fourCC() throws(ContainerIndexError) -> String {
        try require(4)
        defer { position += 4 }
        return FourCC.text(Array(bytes[position..<position + 4]))
    }

    /// Version and flags of a full box.
    mutating func fullBoxHeader() throws(ContainerIndexError) -> (version: UInt8, flags: UInt32) {
        (try uint8(), try uint24())
    }

    /// An entry count that the remaining bytes can actually carry at `entrySize` bytes each.
    mutating func entryCount(entrySize: Int) throws(ContainerIndexError) -> Int {
        let count = Int(try uint32())
        guard count <= remaining / entrySize else {
            throw .malformed(path: path, reason: "\(context) box declares \(count) entries but holds bytes for \(remaining / entrySize)")
        }
        return count
    }
}

/// Four-character codes as text, with bytes outside printable ASCII shown as `?`.
enum FourCC {
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.map { (32...126).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
