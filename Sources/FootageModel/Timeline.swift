/// The clip's time as a player presents it, built from packet timestamps: what ffprobe does not
/// summarise. Every time is an integer timestamp with its time base; `seconds` fields are for
/// display.
public struct Timeline: Sendable, Hashable, Codable {
    /// Where the packets came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// The container's own index (MP4 sample tables), read without demuxing.
        case containerIndex = "container_index"
        /// A demux-only pass over the whole file (`av_read_frame`, nothing decoded).
        case scan
    }

    public var source: Source
    /// Player time 0: the earliest presented audio or video packet, after edit lists (packets
    /// flagged discard, such as encoder priming, do not count). A player's clock reads 0 here;
    /// each stream's `player_start_seconds` says when its first frame appears on that clock.
    public var playerOrigin: TimelinePoint?
    /// The container's start time; player time 0 may differ from it when streams start unevenly.
    public var containerStart: TimelinePoint?
    /// Every kind of duration the clip has, each labelled.
    public var durations: [TimelineDuration]
    public var streams: [TimelineStream]
    /// Degrees from the first video stream's display matrix, ffprobe's convention
    /// (see `ProbeSideData.rotation`); `nil` when the clip has no display matrix.
    public var rotation: Int?
    /// The container's `creation_time` as written, with the recording windows it implies over
    /// the video duration (it may mark the start or the end, in UTC or local time).
    public var creationTime: RecordingWindow?
    /// The ISO 6709 location the file carries (`location` or
    /// `com.apple.quicktime.location.ISO6709`), parsed.
    public var location: GeoLocation?
    /// Things a reader of the numbers should know: variable frame rate, gaps, truncation.
    public var warnings: [TimelineWarning]
    /// For ISO BMFF files: whether a top-level C2PA manifest box is present (presence only, not
    /// verified); `nil` for other containers.
    public var hasC2PAManifest: Bool?
    /// For ISO BMFF files: what the box structure shows about a file cut short.
    public var truncation: TruncationFinding?

    public init(source: Source, playerOrigin: TimelinePoint?, containerStart: TimelinePoint?,
                durations: [TimelineDuration], streams: [TimelineStream], rotation: Int?,
                warnings: [TimelineWarning]) {
        self.source = source
        self.playerOrigin = playerOrigin
        self.containerStart = containerStart
        self.durations = durations
        self.streams = streams
        self.rotation = rotation
        self.warnings = warnings
        self.creationTime = nil
        self.location = nil
        self.hasC2PAManifest = nil
        self.truncation = nil
    }

    enum CodingKeys: String, CodingKey {
        case source
        case playerOrigin = "player_origin"
        case containerStart = "container_start"
        case durations, streams, rotation, warnings
        case creationTime = "creation_time"
        case location
        case hasC2PAManifest = "has_c2pa_manifest"
        case truncation
    }
}

/// A timestamp with its time base, and seconds for display.
public struct TimelinePoint: Sendable, Hashable, Codable {
    public var streamIndex: Int?
    public var pts: Int64
    public var timeBase: Rational
    public var seconds: Double

    public init(streamIndex: Int?, time: MediaTime) {
        self.streamIndex = streamIndex
        self.pts = time.pts
        self.timeBase = time.timeBase
        self.seconds = time.seconds
    }

    public var time: MediaTime { MediaTime(pts: pts, timeBase: timeBase) }

    enum CodingKeys: String, CodingKey {
        case streamIndex = "stream_index"
        case pts
        case timeBase = "time_base"
        case seconds
    }
}

/// One of the clip's durations, saying which kind it is.
public struct TimelineDuration: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The container's overall duration (ffprobe's `format.duration`).
        case container
        /// A stream's duration as its header declares it (ffprobe's stream `duration`).
        case streamDeclared = "stream_declared"
        /// First to last presented packet of a stream, including the last packet's duration.
        case streamPresented = "stream_presented"
        /// From player time 0 to the end of the last presented packet of any stream.
        case playerSpan = "player_span"
    }

    public var kind: Kind
    public var streamIndex: Int?
    public var ticks: Int64
    public var timeBase: Rational
    public var seconds: Double
    public var label: String

    public init(kind: Kind, streamIndex: Int?, ticks: Int64, timeBase: Rational, label: String) {
        self.kind = kind
        self.streamIndex = streamIndex
        self.ticks = ticks
        self.timeBase = timeBase
        self.seconds = MediaTime(pts: ticks, timeBase: timeBase).seconds
        self.label = label
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case streamIndex = "stream_index"
        case ticks
        case timeBase = "time_base"
        case seconds, label
    }
}

/// Something about the timing a reader should not miss.
public struct TimelineWarning: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case variableFrameRate = "variable_frame_rate"
        case timestampGap = "timestamp_gap"
        case discontinuity
        case missingTimestamps = "missing_timestamps"
        case corruptPackets = "corrupt_packets"
        case truncated
        /// Reading stopped with an error before the end of the file.
        case readError = "read_error"
        case scanLimitReached = "scan_limit_reached"
        case durationMismatch = "duration_mismatch"
        /// The container's own index and a demux scan list different packets.
        case indexDisagreement = "index_disagreement"
        /// The container's own index could not be read (malformed or too large).
        case indexUnreadable = "index_unreadable"
    }

    public var kind: Kind
    public var streamIndex: Int?
    public var message: String

    public init(kind: Kind, streamIndex: Int?, message: String) {
        self.kind = kind
        self.streamIndex = streamIndex
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case streamIndex = "stream_index"
        case message
    }
}
