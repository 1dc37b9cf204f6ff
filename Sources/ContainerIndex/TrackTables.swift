import FootageModel

/// The raw tables of one `trak` box, as written, before they are expanded into samples.
struct TrackTables {
    var trackID: UInt32 = 0
    var handler = ""
    var codecTag: String?
    var timescale: UInt32 = 0
    var mediaDuration: Int64 = 0
    var edits: [EditListEntry]?
    /// `stts`: runs of (sample count, sample delta).
    var timeToSample: [(count: UInt32, delta: UInt32)] = []
    /// `ctts`: runs of (sample count, signed composition offset); `nil` when absent.
    var compositionOffsets: [(count: Int32, offset: Int32)]?
    /// `stss`: 1-based numbers of sync samples; `nil` when absent (every sample is a sync sample).
    var syncSamples: [UInt32]?
    /// `stsz`/`stz2`: a constant size, or one size per sample.
    var constantSampleSize: UInt32 = 0
    var sampleSizes: [UInt32] = []
    var sampleCount = 0
    /// `stsc`: runs of (first chunk, samples per chunk, sample description index).
    var sampleToChunk: [(firstChunk: UInt32, samplesPerChunk: UInt32, descriptionIndex: UInt32)] = []
    /// `stco`/`co64`: chunk file offsets.
    var chunkOffsets: [Int64] = []
    /// The first sample description read as a sound description (meaningful for audio only).
    var sound: SoundDescription?
    /// Track IDs this track names as its chapter tracks (`tref`/`chap`).
    var chapterTrackIDs: [UInt32] = []
    /// The first data reference points outside this file.
    var dataIsExternal = false
}

/// The fields of a QuickTime/ISO sound sample description that decide how uncompressed audio
/// is cut into packets.
struct SoundDescription {
    var version: UInt16
    var channels: UInt16
    var bitsPerSample: UInt16
    /// Version 1's samples per frame; 0 when absent.
    var samplesPerFrame: UInt32
}

/// Parsers for the boxes of a `trak`, each reading only what its bytes can hold.
enum TrackBoxParser {
    /// Largest box payload read into memory at once (a sample table of ~60 million entries).
    static let maximumTablePayload: Int64 = 256 << 20

    static func parseTrack(_ trak: BoxHeader, file: FileReader) throws(ContainerIndexError) -> TrackTables {
        var tables = TrackTables()
        for box in try BoxHeader.children(of: file, from: trak.payloadOffset, to: trak.end) {
            switch box.type {
            case "tkhd":
                var c = try payload(box, file)
                let (version, _) = try c.fullBoxHeader()
                try c.skip(version == 1 ? 16 : 8)
                tables.trackID = try c.uint32()
            case "edts":
                for child in try BoxHeader.children(of: file, from: box.payloadOffset, to: box.end) where child.type == "elst" {
                    tables.edits = try parseEditList(try payload(child, file))
                }
            case "mdia":
                try parseMedia(box, into: &tables, file: file)
            case "tref":
                for reference in try BoxHeader.children(of: file, from: box.payloadOffset, to: box.end) where reference.type == "chap" {
                    var c = try payload(reference, file)
                    while c.remaining >= 4 { tables.chapterTrackIDs.append(try c.uint32()) }
                }
            default:
                continue
            }
        }
        return tables
    }

    private static func parseMedia(_ mdia: BoxHeader, into tables: inout TrackTables, file: FileReader) throws(ContainerIndexError) {
        for box in try BoxHeader.children(of: file, from: mdia.payloadOffset, to: mdia.end) {
            switch box.type {
            case "mdhd":
                var c = try payload(box, file)
                let (version, _) = try c.fullBoxHeader()
                try c.skip(version == 1 ? 16 : 8)
                tables.timescale = try c.uint32()
                if version == 1 {
                    let duration = try c.uint64()
                    tables.mediaDuration = duration <= UInt64(Int64.max) ? Int64(duration) : 0
                } else {
                    tables.mediaDuration = Int64(try c.uint32())
                }
            case "hdlr":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                try c.skip(4)
                tables.handler = try c.fourCC()
            case "minf":
                for child in try BoxHeader.children(of: file, from: box.payloadOffset, to: box.end) {
                    if child.type == "stbl" { try parseSampleTable(child, into: &tables, file: file) }
                    if child.type == "dinf" { tables.dataIsExternal = try hasExternalData(child, file: file) }
                }
            default:
                continue
            }
        }
    }

    private static func parseSampleTable(_ stbl: BoxHeader, into tables: inout TrackTables, file: FileReader) throws(ContainerIndexError) {
        for box in try BoxHeader.children(of: file, from: stbl.payloadOffset, to: stbl.end) {
            switch box.type {
            case "stsd":
                var c = try payload(box, file, prefix: 64)
                _ = try c.fullBoxHeader()
                if try c.uint32() > 0, c.remaining >= 8 {
                    try c.skip(4)
                    tables.codecTag = try c.fourCC()
                    // A sound sample description: reserved and data reference, then version,
                    // revision, vendor, channels and bits per sample; version 1 adds frame sizes.
                    if c.remaining >= 20 {
                        try c.skip(8)
                        let version = try c.uint16()
                        try c.skip(6)
                        let channels = try c.uint16()
                        let bits = try c.uint16()
                        var samplesPerFrame: UInt32 = 0
                        if version == 1, c.remaining >= 12 {
                            try c.skip(8)
                            samplesPerFrame = try c.uint32()
                        }
                        tables.sound = SoundDescription(version: version, channels: channels, bitsPerSample: bits,
                                                        samplesPerFrame: samplesPerFrame)
                    }
                }
            case "stts":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                let count = try c.entryCount(entrySize: 8)
                tables.timeToSample.reserveCapacity(count)
                for _ in 0..<count { tables.timeToSample.append((try c.uint32(), try c.uint32())) }
            case "ctts":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                let count = try c.entryCount(entrySize: 8)
                var runs: [(count: Int32, offset: Int32)] = []
                runs.reserveCapacity(count)
                // Version 0 offsets are unsigned in the standard, but writers put negative values
                // there too; reading both versions as signed is what players do.
                for _ in 0..<count { runs.append((try c.int32(), try c.int32())) }
                // Offsets beyond 2^28 before the last two runs mark the table as garbage; the
                // demuxer then ignores it, and so do we.
                let implausible = runs.enumerated().contains { i, run in
                    run.count > 0 && i + 2 < runs.count && Int64(run.offset).magnitude > 1 << 28
                }
                tables.compositionOffsets = implausible ? nil : runs
            case "stss":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                let count = try c.entryCount(entrySize: 4)
                var numbers: [UInt32] = []
                numbers.reserveCapacity(count)
                for _ in 0..<count { numbers.append(try c.uint32()) }
                tables.syncSamples = numbers
            case "stsz":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                tables.constantSampleSize = try c.uint32()
                if tables.constantSampleSize == 0 {
                    let count = try c.entryCount(entrySize: 4)
                    tables.sampleSizes.reserveCapacity(count)
                    for _ in 0..<count { tables.sampleSizes.append(try c.uint32()) }
                    tables.sampleCount = count
                } else {
                    tables.sampleCount = Int(try c.uint32())
                }
            case "stz2":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                try c.skip(3)
                let fieldSize = Int(try c.uint8())
                guard [4, 8, 16].contains(fieldSize) else {
                    throw .malformed(path: file.path, reason: "'stz2' box at offset \(box.offset) has a field size of \(fieldSize) bits")
                }
                let count = Int(try c.uint32())
                guard count <= c.remaining * 8 / fieldSize else {
                    throw .malformed(path: file.path, reason: "'stz2' box declares \(count) entries but holds bytes for \(c.remaining * 8 / fieldSize)")
                }
                tables.sampleSizes = try compactSizes(&c, count: count, fieldSize: fieldSize)
                tables.sampleCount = count
            case "stsc":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                let count = try c.entryCount(entrySize: 12)
                for _ in 0..<count {
                    tables.sampleToChunk.append((try c.uint32(), try c.uint32(), try c.uint32()))
                }
            case "stco":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                let count = try c.entryCount(entrySize: 4)
                tables.chunkOffsets.reserveCapacity(count)
                for _ in 0..<count { tables.chunkOffsets.append(Int64(try c.uint32())) }
            case "co64":
                var c = try payload(box, file)
                _ = try c.fullBoxHeader()
                let count = try c.entryCount(entrySize: 8)
                tables.chunkOffsets.reserveCapacity(count)
                for _ in 0..<count {
                    let offset = try c.uint64()
                    guard offset <= UInt64(Int64.max) else {
                        throw .malformed(path: file.path, reason: "'co64' box at offset \(box.offset) holds a chunk offset of \(offset)")
                    }
                    tables.chunkOffsets.append(Int64(offset))
                }
            default:
                continue
            }
        }
    }

    /// Whether the first data reference lacks the self-contained flag: the samples live in
    /// another file, which the demuxer does not open.
    private static func hasExternalData(_ dinf: BoxHeader, file: FileReader) throws(ContainerIndexError) -> Bool {
        guard let dref = try BoxHeader.children(of: file, from: dinf.payloadOffset, to: dinf.end).first(where: { $0.type == "dref" })
        else { return false }
        var c = try payload(dref, file, prefix: 64)
        _ = try c.fullBoxHeader()
        guard try c.uint32() > 0, c.remaining >= 12 else { return false }
        try c.skip(8)
        let (_, flags) = try c.fullBoxHeader()
        return flags & 1 == 0
    }

    static func parseEditList(_ cursor: ByteCursor) throws(ContainerIndexError) -> [EditListEntry] {
        var c = cursor
        let (version, _) = try c.fullBoxHeader()
        let count = try c.entryCount(entrySize: version == 1 ? 20 : 12)
        var edits: [EditListEntry] = []
        edits.reserveCapacity(count)
        for _ in 0..<count {
            let duration: UInt64 = version == 1 ? try c.uint64() : UInt64(try c.uint32())
            let mediaTime: Int64 = version == 1 ? try c.int64() : Int64(try c.int32())
            let rate = try c.int32()
            edits.append(EditListEntry(segmentDuration: duration <= UInt64(Int64.max) ? Int64(duration) : Int64.max,
                                       mediaTime: mediaTime, rate: Rational(Int64(rate), 65536)))
        }
        return edits
    }

    private static func compactSizes(_ c: inout ByteCursor, count: Int, fieldSize: Int) throws(ContainerIndexError) -> [UInt32] {
        var sizes: [UInt32] = []
        sizes.reserveCapacity(count)
        var index = 0
        while index < count {
            switch fieldSize {
            case 4:
                let byte = try c.uint8()
                sizes.append(UInt32(byte >> 4))
                if index + 1 < count { sizes.append(UInt32(byte & 0x0F)) }
                index += 2
            case 8:
                sizes.append(UInt32(try c.uint8()))
                index += 1
            default:
                sizes.append(UInt32(try c.uint16()))
                index += 1
            }
        }
        return sizes
    }

    /// The payload of `box` as a cursor. A table larger than `maximumTablePayload` is refused;
    /// with a smaller `prefix`, only that many leading bytes are read (for boxes of which only
    /// the head matters).
    static func payload(_ box: BoxHeader, _ file: FileReader, prefix: Int64? = nil) throws(ContainerIndexError) -> ByteCursor {
        let count = min(box.payloadSize, prefix ?? maximumTablePayload)
        guard prefix != nil || box.payloadSize <= maximumTablePayload else {
            throw .tooLarge(path: file.path, reason: "'\(box.type)' box at offset \(box.offset) holds \(box.payloadSize) bytes")
        }
        let bytes = try file.readExactly(at: box.payloadOffset, count: Int(count), what: "'\(box.type)' box")
        return ByteCursor(bytes, context: "'\(box.type)'", path: file.path)
    }
}
