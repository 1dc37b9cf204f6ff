import FootageModel

/// Reads an ISO BMFF file's (MP4, MOV, M4A, 3GP) own index without demuxing: a walk over the
/// top-level boxes, then the `moov` sample tables, read with `pread` box by box.
public enum ContainerIndexReader {
    /// The user type of the top-level `uuid` box that carries a C2PA manifest store.
    public static let c2paUserType: [UInt8] = [
        0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81,
    ]

    /// How many top-level boxes are listed; the walk itself goes on past this.
    static let listedTopLevelBoxes = 1_000
    /// How many top-level boxes are walked before the file is refused.
    static let maximumTopLevelBoxes = 1_000_000

    /// Box types that may start an ISO BMFF or QuickTime file.
    static let leadingTypes: Set<String> = [
        "ftyp", "moov", "mdat", "free", "skip", "wide", "uuid", "pnot", "styp", "sidx", "moof", "meta", "pdin", "junk",
    ]

    /// Reads the index of the file at `path`. Returns `nil` when the file is not ISO BMFF.
    /// A fragmented file, one without a `moov`, or one cut short still gives an index, whose
    /// `isComplete` is false and which says why.
    public static func read(path: String) throws(ContainerIndexError) -> ContainerIndex? {
        try read(FileReader(path: path))
    }

    /// Reads the index from a descriptor the caller opened (e.g. with `O_NOFOLLOW`), taking
    /// ownership of it: it is closed when the read is over. `path` names the file in errors.
    ///
    /// - Parameter handlers: when given, only tracks with these `hdlr` types get their packets
    ///   (the sample tables of the others are parsed and checked, but not expanded); the others
    ///   keep their place and stream index, with no packets and a `limitation` saying so.
    public static func read(adopting descriptor: Int32, path: String,
                            handlers: Set<String>? = nil) throws(ContainerIndexError) -> ContainerIndex? {
        try read(FileReader(adopting: descriptor, path: path), handlers: handlers)
    }

    /// The `limitation` of a track left unexpanded by a `handlers` filter.
    public static let notExpanded = "not expanded: only some track types were asked for"

    private static func read(_ file: FileReader, handlers: Set<String>? = nil) throws(ContainerIndexError) -> ContainerIndex? {
        let path = file.path
        guard let first = try? BoxHeader.read(from: file, at: 0, parentEnd: file.size),
              leadingTypes.contains(first.type) else { return nil }

        var listed: [TopLevelBox] = []
        var omitted = 0
        var movieBox: BoxHeader?
        var hasC2PA = false
        var isFragmented = false
        var declaredEnd = file.size
        var offset: Int64 = 0
        var walked = 0
        while let box = try BoxHeader.read(from: file, at: offset, parentEnd: file.size) {
            walked += 1
            guard walked <= maximumTopLevelBoxes else {
                throw .tooLarge(path: path, reason: "more than \(maximumTopLevelBoxes) top-level boxes")
            }
            if listed.count < listedTopLevelBoxes {
                listed.append(TopLevelBox(type: box.type, offset: box.offset, size: box.size,
                                          userType: box.userType.map(uuidText)))
            } else {
                omitted += 1
            }
            switch box.type {
            case "moov" where movieBox == nil: movieBox = box
            case "moof": isFragmented = true
            case "uuid" where box.userType == c2paUserType: hasC2PA = true
            default: break
            }
            if box.overrunsParent {
                declaredEnd = box.end
                break
            }
            offset = box.end
        }

        var tracks: [TrackIndex] = []
        if let movieBox, !movieBox.overrunsParent {
            let (parsed, fragmentedMovie) = try readMovie(movieBox, file: file, handlers: handlers)
            tracks = parsed
            isFragmented = isFragmented || fragmentedMovie
        }
        let truncation = truncationFinding(movieBox: movieBox, tracks: tracks, fileSize: file.size,
                                           declaredEnd: declaredEnd)
        return ContainerIndex(tracks: tracks, topLevelBoxes: listed, topLevelBoxesOmitted: omitted,
                              hasC2PAManifest: hasC2PA, isFragmented: isFragmented, truncation: truncation)
    }

    private static func readMovie(_ moov: BoxHeader, file: FileReader,
                                  handlers: Set<String>?) throws(ContainerIndexError) -> ([TrackIndex], Bool) {
        let children = try BoxHeader.children(of: file, from: moov.payloadOffset, to: moov.end)
        var movieTimescale: UInt32 = 0
        if let mvhd = children.first(where: { $0.type == "mvhd" }) {
            var c = try TrackBoxParser.payload(mvhd, file)
            let (version, _) = try c.fullBoxHeader()
            try c.skip(version == 1 ? 16 : 8)
            movieTimescale = try c.uint32()
        }
        var allTables: [TrackTables] = []
        for trak in children where trak.type == "trak" {
            allTables.append(try TrackBoxParser.parseTrack(trak, file: file))
        }
        let chapterTracks = Set(allTables.flatMap(\.chapterTrackIDs))
        var tracks: [TrackIndex] = []
        for tables in allTables {
            if let handlers, !handlers.contains(tables.handler) {
                tracks.append(TrackIndex(streamIndex: tracks.count, trackID: tables.trackID, handler: tables.handler,
                                         codecTag: tables.codecTag, timeBase: Rational(1, Int64(max(1, tables.timescale))),
                                         mediaDuration: tables.mediaDuration, editList: tables.edits, editStart: 0,
                                         sampleCount: tables.sampleCount, packets: [], limitation: notExpanded))
                continue
            }
            var track = try TrackIndexBuilder.build(tables, streamIndex: tracks.count, movieTimescale: movieTimescale,
                                                    fileSize: file.size, path: file.path)
            if chapterTracks.contains(tables.trackID) {
                if ["text", "sbtl"].contains(tables.handler) && track.limitation == nil {
                    // The demuxer reads text chapters as chapters and returns none of their packets.
                    track.packets = []
                } else {
                    track.limitation = track.limitation ?? "chapter track that is not text: the demuxer treats it specially"
                }
            }
            tracks.append(track)
        }
        return (tracks, children.contains { $0.type == "mvex" })
    }

    private static func truncationFinding(movieBox: BoxHeader?, tracks: [TrackIndex], fileSize: Int64,
                                          declaredEnd: Int64) -> TruncationFinding? {
        guard let movieBox, !movieBox.overrunsParent else {
            return TruncationFinding(kind: .movieBoxMissing, fileSize: fileSize, declaredEnd: declaredEnd, missing: [])
        }
        var missing: [TruncationFinding.MissingSamples] = []
        var indexEnd = declaredEnd
        for track in tracks {
            let lost = track.packets.filter(\.isCorrupt)
            guard !lost.isEmpty else { continue }
            let earliest = lost.compactMap(\.pts).min()
            missing.append(.init(streamIndex: track.streamIndex, count: lost.count,
                                 from: earliest.map { MediaTime(pts: $0, timeBase: track.timeBase) },
                                 timeBase: track.timeBase))
            for packet in lost {
                if let position = packet.position { indexEnd = max(indexEnd, position + Int64(packet.size)) }
            }
        }
        if !missing.isEmpty {
            return TruncationFinding(kind: .samplesPastEnd, fileSize: fileSize, declaredEnd: indexEnd, missing: missing)
        }
        if declaredEnd > fileSize {
            return TruncationFinding(kind: .boxPastEnd, fileSize: fileSize, declaredEnd: declaredEnd, missing: [])
        }
        return nil
    }

    /// `D8FEC3D6-1B0E-483C-9297-5828877EC481` form.
    static func uuidText(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }
        let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }
        return groups.joined(separator: "-")
    }
}
