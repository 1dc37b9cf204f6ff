public import FootageModel

/// Keyframe times from a Matroska/WebM file's `Cues`, read without touching its clusters: the
/// segment's first-level elements, the `SeekHead` pointer to `Cues`, `Info` for the timestamp
/// scale and `Tracks` for the order libavformat numbers streams in.
public struct MatroskaCues: Sendable, Hashable, Codable {
    public struct Track: Sendable, Hashable, Codable {
        /// The stream index libavformat gives the track (its position among the track entries).
        public var streamIndex: Int
        public var trackNumber: UInt64
        /// Matroska track type: 1 video, 2 audio, 17 subtitle.
        public var trackType: UInt64
        /// Cue times for this track, in file order, in `MatroskaCues.timeBase`.
        public var cueTimes: [Int64]

        enum CodingKeys: String, CodingKey {
            case streamIndex = "stream_index"
            case trackNumber = "track_number"
            case trackType = "track_type"
            case cueTimes = "cue_times"
        }
    }

    /// The segment's timestamp unit: `TimestampScale` nanoseconds (1/1000 s by default).
    public var timeBase: Rational
    public var tracks: [Track]

    /// Cue times of a stream as media times.
    public func keyframeTimes(streamIndex: Int) -> [MediaTime] {
        (tracks.first { $0.streamIndex == streamIndex }?.cueTimes ?? []).map { MediaTime(pts: $0, timeBase: timeBase) }
    }

    enum CodingKeys: String, CodingKey {
        case timeBase = "time_base"
        case tracks
    }
}

public enum MatroskaCueReader {
    /// Far above real files (ten hours with a cue every 20 ms), low enough to bound memory.
    static let maximumCuePoints = 2_000_000

    /// Reads the cues of the Matroska or WebM file at `path`. Returns `nil` when the file is not
    /// Matroska or carries no cues (then only a scan finds the keyframes).
    public static func read(path: String) throws(ContainerIndexError) -> MatroskaCues? {
        let file = try FileReader(path: path)
        let reader = EBMLReader(file: file)
        guard let header = try reader.element(at: 0, end: file.size), header.id == EBML.header,
              let docType = try reader.childString(of: header, id: EBML.docType),
              docType == "matroska" || docType == "webm",
              let segment = try reader.element(at: header.end, end: file.size), segment.id == EBML.segment
        else { return nil }

        var cuesAt: Int64?
        var info: EBMLElement?
        var tracks: EBMLElement?
        var cues: EBMLElement?
        var offset = segment.dataStart
        var visited = 0
        // First-level elements up to the first cluster; what lies beyond is found through SeekHead.
        while let element = try reader.element(at: offset, end: segment.end), visited < 10_000 {
            visited += 1
            switch element.id {
            case EBML.seekHead:
                for seek in try reader.children(of: element) where seek.id == EBML.seek {
                    let fields = try reader.children(of: seek)
                    guard let id = fields.first(where: { $0.id == EBML.seekID }),
                          let position = fields.first(where: { $0.id == EBML.seekPosition }) else { continue }
                    if try reader.unsigned(id) == EBML.cues, let relative = Int64(exactly: try reader.unsigned(position)) {
                        cuesAt = segment.dataStart.addingReportingOverflow(relative).overflow ? nil : segment.dataStart + relative
                    }
                }
            case EBML.info: info = element
            case EBML.tracks: tracks = element
            case EBML.cues: cues = element
            default: break
            }
            if element.id == EBML.cluster || element.sizeUnknown { break }
            offset = element.end
        }
        if cues == nil, let cuesAt, let element = try reader.element(at: cuesAt, end: segment.end),
           element.id == EBML.cues {
            cues = element
        }
        guard let cues, let tracks else { return nil }

        var scale: UInt64 = 1_000_000
        if let info, let field = try reader.children(of: info).first(where: { $0.id == EBML.timestampScale }) {
            scale = try reader.unsigned(field)
            guard scale > 0, scale <= 1_000_000_000_000 else {
                throw .malformed(path: path, reason: "segment timestamp scale \(scale) is out of range")
            }
        }
        var entries: [MatroskaCues.Track] = []
        for entry in try reader.children(of: tracks) where entry.id == EBML.trackEntry {
            let fields = try reader.children(of: entry)
            let number = try fields.first { $0.id == EBML.trackNumber }.map { (e) throws(ContainerIndexError) in try reader.unsigned(e) } ?? 0
            let type = try fields.first { $0.id == EBML.trackType }.map { (e) throws(ContainerIndexError) in try reader.unsigned(e) } ?? 0
            entries.append(.init(streamIndex: entries.count, trackNumber: number, trackType: type, cueTimes: []))
        }
        var slot: [UInt64: Int] = [:]
        for (i, entry) in entries.enumerated() { slot[entry.trackNumber] = i }

        for point in try reader.children(of: cues, limit: maximumCuePoints) where point.id == EBML.cuePoint {
            let fields = try reader.children(of: point)
            guard let timeField = fields.first(where: { $0.id == EBML.cueTime }),
                  let time = Int64(exactly: try reader.unsigned(timeField)) else { continue }
            for positions in fields where positions.id == EBML.cueTrackPositions {
                guard let trackField = try reader.children(of: positions).first(where: { $0.id == EBML.cueTrack }),
                      let i = slot[try reader.unsigned(trackField)] else { continue }
                entries[i].cueTimes.append(time)
            }
        }
        let divisor = gcd(scale, 1_000_000_000)
        return MatroskaCues(timeBase: Rational(Int64(scale / divisor), Int64(1_000_000_000 / divisor)), tracks: entries)
    }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
