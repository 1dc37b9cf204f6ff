/// One box's header: where it starts, how big it says it is, and what it is.
struct BoxHeader {
    /// The four-character type (`moov`, `trak`, `uuid`, ...).
    let type: String
    /// File offset of the first byte of the box.
    let offset: Int64
    /// Bytes of header before the payload: 8, 16 with a 64-bit size, plus 16 for a `uuid` user type.
    let headerSize: Int
    /// The size the box declares, or what is left of its parent when it declares 0.
    let size: Int64
    /// The 16-byte extended type of a `uuid` box.
    let userType: [UInt8]?
    /// The declared size runs past the end of the enclosing range (the file was cut short, or lies).
    let overrunsParent: Bool

    var payloadOffset: Int64 { offset + Int64(headerSize) }
    var end: Int64 { offset + size }
    var payloadSize: Int64 { size - Int64(headerSize) }

    /// Reads the header at `offset` inside `[offset, parentEnd)`. Returns `nil` when fewer than 8
    /// bytes remain (trailing padding). Sizes 2–7, a 64-bit size that overflows, or a header that
    /// does not fit its own declared size are malformed.
    static func read(from file: FileReader, at offset: Int64, parentEnd: Int64) throws(ContainerIndexError) -> BoxHeader? {
        guard parentEnd - offset >= 8 else { return nil }
        let bytes = try file.read(at: offset, count: Int(min(32, parentEnd - offset)))
        guard bytes.count >= 8 else { return nil }
        var cursor = ByteCursor(bytes, context: "box header", path: file.path)
        let size32 = try cursor.uint32()
        let type = try cursor.fourCC()
        var headerSize = 8
        var declared: Int64
        switch size32 {
        case 0:
            declared = parentEnd - offset
        case 1:
            guard cursor.remaining >= 8 else {
                throw .malformed(path: file.path, reason: "'\(type)' box at offset \(offset) has a 64-bit size cut off by the end of its parent")
            }
            let large = try cursor.uint64()
            guard large <= UInt64(Int64.max) else {
                throw .malformed(path: file.path, reason: "'\(type)' box at offset \(offset) declares a 64-bit size of \(large) bytes, beyond any file")
            }
            declared = Int64(large)
            headerSize = 16
        case 2..<8:
            throw .malformed(path: file.path, reason: "'\(type)' box at offset \(offset) declares an impossible size of \(size32) bytes")
        default:
            declared = Int64(size32)
        }
        var userType: [UInt8]?
        if type == "uuid" {
            guard cursor.remaining >= 16 else {
                throw .malformed(path: file.path, reason: "'uuid' box at offset \(offset) is cut off before its 16-byte user type")
            }
            userType = Array(bytes[headerSize..<headerSize + 16])
            headerSize += 16
        }
        guard declared >= Int64(headerSize) else {
            throw .malformed(path: file.path, reason: "'\(type)' box at offset \(offset) declares \(declared) bytes, less than its own \(headerSize)-byte header")
        }
        let (end, overflow) = offset.addingReportingOverflow(declared)
        guard !overflow else {
            throw .malformed(path: file.path, reason: "'\(type)' box at offset \(offset) declares \(declared) bytes, ending beyond any file")
        }
        return BoxHeader(type: type, offset: offset, headerSize: headerSize, size: declared,
                         userType: userType, overrunsParent: end > parentEnd)
    }

    /// The children of a container box's payload (or of any byte range), in order. A child that
    /// declares more bytes than its parent has is malformed: inside a box nothing may overrun.
    static func children(of file: FileReader, from start: Int64, to end: Int64,
                         limit: Int = 100_000) throws(ContainerIndexError) -> [BoxHeader] {
        var boxes: [BoxHeader] = []
        var offset = start
        while let box = try read(from: file, at: offset, parentEnd: end) {
            guard !box.overrunsParent else {
                throw .malformed(path: file.path, reason: "'\(box.type)' box at offset \(box.offset) declares \(box.size) bytes but its parent ends at \(end)")
            }
            boxes.append(box)
            guard boxes.count <= limit else {
                throw .tooLarge(path: file.path, reason: "more than \(limit) boxes between offsets \(start) and \(end)")
            }
            offset = box.end
        }
        return boxes
    }
}
