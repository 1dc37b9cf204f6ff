/// Element IDs of the Matroska/WebM elements the cue reader looks at.
enum EBML {
    static let header: UInt64 = 0x1A45_DFA3
    static let docType: UInt64 = 0x4282
    static let segment: UInt64 = 0x1853_8067
    static let seekHead: UInt64 = 0x114D_9B74
    static let seek: UInt64 = 0x4DBB
    static let seekID: UInt64 = 0x53AB
    static let seekPosition: UInt64 = 0x53AC
    static let info: UInt64 = 0x1549_A966
    static let timestampScale: UInt64 = 0x2AD7B1
    static let tracks: UInt64 = 0x1654_AE6B
    static let trackEntry: UInt64 = 0xAE
    static let trackNumber: UInt64 = 0xD7
    static let trackType: UInt64 = 0x83
    static let cluster: UInt64 = 0x1F43_B675
    static let cues: UInt64 = 0x1C53_BB6B
    static let cuePoint: UInt64 = 0xBB
    static let cueTime: UInt64 = 0xB3
    static let cueTrackPositions: UInt64 = 0xB7
    static let cueTrack: UInt64 = 0xF7
}

/// One EBML element: its ID and where its data lies.
struct EBMLElement {
    let id: UInt64
    let offset: Int64
    let dataStart: Int64
    /// End of the data; the parent's end when the size is unknown.
    let end: Int64
    let sizeUnknown: Bool
    var dataSize: Int64 { end - dataStart }
}

/// Reads EBML elements with `pread`, bounding every size by its parent and every read by a cap.
struct EBMLReader {
    let file: FileReader
    /// Largest element body read into memory at once (master elements such as `Cues`).
    static let maximumBody: Int64 = 64 << 20

    init(file: FileReader) { self.file = file }

    /// The element whose header starts at `offset`, or `nil` when no header fits before `end`.
    func element(at offset: Int64, end: Int64) throws(ContainerIndexError) -> EBMLElement? {
        guard offset >= 0, end - offset >= 2 else { return nil }
        let bytes = try file.read(at: offset, count: Int(min(12, end - offset)))
        guard let parsed = try Self.header(bytes, at: offset, end: end, path: file.path) else { return nil }
        return parsed
    }

    /// Parses an element header from `bytes` (which start at file offset `offset`).
    static func header(_ bytes: some Collection<UInt8>, at offset: Int64, end: Int64, path: String) throws(ContainerIndexError) -> EBMLElement? {
        let array = Array(bytes)
        guard let (id, idLength) = variableInteger(array, from: 0, keepMarker: true),
              let (size, sizeLength) = variableInteger(array, from: idLength, keepMarker: false) else { return nil }
        let dataStart = offset + Int64(idLength + sizeLength)
        guard dataStart <= end else {
            throw .malformed(path: path, reason: "EBML element header at offset \(offset) runs past its parent's end at \(end)")
        }
        let allOnes = sizeLength < 8 ? (UInt64(1) << (7 * UInt64(sizeLength))) - 1 : UInt64.max >> 8
        if size == allOnes {
            return EBMLElement(id: id, offset: offset, dataStart: dataStart, end: end, sizeUnknown: true)
        }
        guard size <= UInt64(end - dataStart) else {
            throw .malformed(path: path, reason: "EBML element 0x\(String(id, radix: 16)) at offset \(offset) declares \(size) bytes but its parent ends at \(end)")
        }
        return EBMLElement(id: id, offset: offset, dataStart: dataStart, end: dataStart + Int64(size), sizeUnknown: false)
    }

    /// An EBML variable-length integer: the count of leading zero bits says how many bytes follow.
    static func variableInteger(_ bytes: [UInt8], from start: Int, keepMarker: Bool) -> (UInt64, Int)? {
        guard start < bytes.count, bytes[start] != 0 else { return nil }
        let length = bytes[start].leadingZeroBitCount + 1
        guard start + length <= bytes.count else { return nil }
        var value = keepMarker ? UInt64(bytes[start]) : UInt64(bytes[start] & (0xFF >> length))
        for byte in bytes[(start + 1)..<(start + length)] { value = value << 8 | UInt64(byte) }
        return (value, length)
    }

    /// The child elements of a master element, read from its body in one bounded read.
    func children(of parent: EBMLElement, limit: Int = 100_000) throws(ContainerIndexError) -> [EBMLElement] {
        guard !parent.sizeUnknown else {
            throw .malformed(path: file.path, reason: "EBML element 0x\(String(parent.id, radix: 16)) at offset \(parent.offset) has an unknown size")
        }
        guard parent.dataSize <= Self.maximumBody else {
            throw .tooLarge(path: file.path, reason: "EBML element 0x\(String(parent.id, radix: 16)) holds \(parent.dataSize) bytes")
        }
        let body = try file.readExactly(at: parent.dataStart, count: Int(parent.dataSize), what: "EBML element")
        var elements: [EBMLElement] = []
        var position = 0
        while position < body.count {
            let slice = body[position..<min(body.count, position + 12)]
            guard let child = try Self.header(slice, at: parent.dataStart + Int64(position), end: parent.end, path: file.path),
                  !child.sizeUnknown else { break }
            elements.append(child)
            guard elements.count <= limit else {
                throw .tooLarge(path: file.path, reason: "more than \(limit) elements in EBML element at offset \(parent.offset)")
            }
            position = Int(child.end - parent.dataStart)
        }
        return elements
    }

    /// An unsigned integer element (at most 8 bytes).
    func unsigned(_ element: EBMLElement) throws(ContainerIndexError) -> UInt64 {
        guard element.dataSize <= 8 else {
            throw .malformed(path: file.path, reason: "EBML integer at offset \(element.offset) is \(element.dataSize) bytes long")
        }
        let bytes = try file.readExactly(at: element.dataStart, count: Int(element.dataSize), what: "EBML integer")
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A string child of `parent`, trailing zero bytes removed.
    func childString(of parent: EBMLElement, id: UInt64) throws(ContainerIndexError) -> String? {
        guard let child = try children(of: parent).first(where: { $0.id == id }), child.dataSize <= 256 else { return nil }
        let bytes = try file.readExactly(at: child.dataStart, count: Int(child.dataSize), what: "EBML string")
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
}
