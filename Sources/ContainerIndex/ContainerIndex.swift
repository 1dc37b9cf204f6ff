public import FootageModel

/// What an ISO BMFF file's own index (`moov` sample tables) says about its packets, read without
/// demuxing, together with what its top-level box structure shows.
public struct ContainerIndex: Sendable, Hashable, Codable {
    /// One entry per `trak`, in file order, which is libavformat's stream order.
    public var tracks: [TrackIndex]
    /// Every top-level box in file order (capped; see `topLevelBoxesOmitted`).
    public var topLevelBoxes: [TopLevelBox]
    public var topLevelBoxesOmitted: Int
    /// A top-level `uuid` box with the C2PA user type is present (presence only, not verified).
    public var hasC2PAManifest: Bool
    /// The file uses movie fragments (`moof`, or `mvex` in `moov`): the `moov` tables do not list
    /// every sample, so a caller must scan.
    public var isFragmented: Bool
    /// The file ends before its structure says it should.
    public var truncation: TruncationFinding?

    /// The index lists every packet exactly as libavformat's demuxer will return them, so a
    /// demux scan can be skipped.
    public var isComplete: Bool {
        !isFragmented && truncation == nil && !tracks.isEmpty && tracks.allSatisfy { $0.limitation == nil }
    }

    /// Why `isComplete` is false, in words; `nil` when it is complete.
    public var incompleteReason: String? {
        if isFragmented { return "fragmented file: the movie box does not index the fragments" }
        if let truncation { return truncation.summary }
        if tracks.isEmpty { return "no track in the movie box" }
        if let track = tracks.first(where: { $0.limitation != nil }), let limitation = track.limitation {
            return "stream \(track.streamIndex): \(limitation)"
        }
        return nil
    }

    public init(tracks: [TrackIndex], topLevelBoxes: [TopLevelBox], topLevelBoxesOmitted: Int,
                hasC2PAManifest: Bool, isFragmented: Bool, truncation: TruncationFinding?) {
        self.tracks = tracks
        self.topLevelBoxes = topLevelBoxes
        self.topLevelBoxesOmitted = topLevelBoxesOmitted
        self.hasC2PAManifest = hasC2PAManifest
        self.isFragmented = isFragmented
        self.truncation = truncation
    }

    enum CodingKeys: String, CodingKey {
        case tracks
        case topLevelBoxes = "top_level_boxes"
        case topLevelBoxesOmitted = "top_level_boxes_omitted"
        case hasC2PAManifest = "has_c2pa_manifest"
        case isFragmented = "is_fragmented"
        case truncation
    }
}

/// One `trak`: its identity, time base, edit list, and packets in decode order.
public struct TrackIndex: Sendable, Hashable, Codable {
    /// The stream index libavformat gives this track (its position among the `trak` boxes).
    public var streamIndex: Int
    /// `tkhd` track ID.
    public var trackID: UInt32
    /// `hdlr` handler type: `vide`, `soun`, `subt`, `text`, `tmcd`, ...
    public var handler: String
    /// The first sample description's format (`avc1`, `mp4a`, ...).
    public var codecTag: String?
    /// `1/timescale` from `mdhd`: the unit of every timestamp below.
    public var timeBase: Rational
    /// `mdhd` duration in `timeBase` units.
    public var mediaDuration: Int64
    /// The `elst` entries as written (segment durations in the movie timescale); `nil` without one.
    public var editList: [EditListEntry]?
    /// Where the edit list places the track's first presented sample, in `timeBase` units: the
    /// sum of leading empty edits (libavformat's stream `start_time`).
    public var editStart: Int64
    /// Samples in the tables, before the edit list drops any.
    public var sampleCount: Int
    /// Packets in decode order, with the timestamps, durations, sizes, offsets, key and discard
    /// flags libavformat's mov demuxer gives them. `isCorrupt` marks a sample whose bytes lie past
    /// the end of the file; `isDiscarded` one kept only so that later ones decode (outside the
    /// edit list, not presented).
    public var packets: [PacketRecord]
    /// Set when the packets may differ from what the demuxer returns, saying why.
    public var limitation: String?

    public init(streamIndex: Int, trackID: UInt32, handler: String, codecTag: String?, timeBase: Rational,
                mediaDuration: Int64, editList: [EditListEntry]?, editStart: Int64, sampleCount: Int,
                packets: [PacketRecord], limitation: String?) {
        self.streamIndex = streamIndex
        self.trackID = trackID
        self.handler = handler
        self.codecTag = codecTag
        self.timeBase = timeBase
        self.mediaDuration = mediaDuration
        self.editList = editList
        self.editStart = editStart
        self.sampleCount = sampleCount
        self.packets = packets
        self.limitation = limitation
    }

    /// Presentation times of the key packets that are presented, in decode order.
    public var keyframeTimes: [MediaTime] {
        packets.compactMap { packet in
            guard packet.isKeyframe, !packet.isDiscarded, let pts = packet.pts else { return nil }
            return MediaTime(pts: pts, timeBase: timeBase)
        }
    }

    enum CodingKeys: String, CodingKey {
        case streamIndex = "stream_index"
        case trackID = "track_id"
        case handler
        case codecTag = "codec_tag"
        case timeBase = "time_base"
        case mediaDuration = "media_duration"
        case editList = "edit_list"
        case editStart = "edit_start"
        case sampleCount = "sample_count"
        case packets
        case limitation
    }
}

/// One `elst` entry as written.
public struct EditListEntry: Sendable, Hashable, Codable {
    /// Length of this edit in the movie (`mvhd`) timescale.
    public var segmentDuration: Int64
    /// Where the edit starts in the track's media time; -1 is an empty edit (a gap).
    public var mediaTime: Int64
    /// Playback rate (1 is normal speed).
    public var rate: Rational

    public init(segmentDuration: Int64, mediaTime: Int64, rate: Rational) {
        self.segmentDuration = segmentDuration
        self.mediaTime = mediaTime
        self.rate = rate
    }

    enum CodingKeys: String, CodingKey {
        case segmentDuration = "segment_duration"
        case mediaTime = "media_time"
        case rate
    }
}

/// A top-level box as found: type, where it starts, how long it says it is.
public struct TopLevelBox: Sendable, Hashable, Codable {
    public var type: String
    public var offset: Int64
    public var size: Int64
    /// The `uuid` user type in canonical text form, for `uuid` boxes.
    public var userType: String?

    public init(type: String, offset: Int64, size: Int64, userType: String?) {
        self.type = type
        self.offset = offset
        self.size = size
        self.userType = userType
    }

    enum CodingKeys: String, CodingKey {
        case type, offset, size
        case userType = "user_type"
    }
}
