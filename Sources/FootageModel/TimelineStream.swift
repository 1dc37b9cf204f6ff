/// One stream's presented timestamps, summarised.
public struct TimelineStream: Sendable, Hashable, Codable {
    public var index: Int
    public var codecType: String?
    public var timeBase: Rational
    /// Every packet the container holds for the stream, presented or not.
    public var packetCount: Int
    /// Packets that are presented (not flagged discard); one frame each for video.
    public var frameCount: Int
    public var keyframeCount: Int
    public var firstPresented: TimelinePoint?
    public var lastPresented: TimelinePoint?
    /// When the first presented packet appears in player time (seconds after `player_origin`).
    public var playerStartSeconds: Double?
    /// The duration of the first presented frame or audio packet, in the stream's time base.
    public var firstFrameDuration: Int64?
    /// Presentation times of keyframes, in seconds from the stream's time base (video only).
    public var keyframeTimes: [Double]?
    /// Shortest and longest interval between consecutive presented frames (video only).
    public var frameInterval: FrameIntervalRange?
    public var variableFrameRate: Bool
    public var gaps: [TimestampGap]

    public init(index: Int, codecType: String?, timeBase: Rational, packetCount: Int, frameCount: Int,
                keyframeCount: Int, firstPresented: TimelinePoint?, lastPresented: TimelinePoint?,
                firstFrameDuration: Int64?, keyframeTimes: [Double]?, frameInterval: FrameIntervalRange?,
                variableFrameRate: Bool, gaps: [TimestampGap]) {
        self.index = index
        self.codecType = codecType
        self.timeBase = timeBase
        self.packetCount = packetCount
        self.frameCount = frameCount
        self.keyframeCount = keyframeCount
        self.firstPresented = firstPresented
        self.lastPresented = lastPresented
        self.firstFrameDuration = firstFrameDuration
        self.keyframeTimes = keyframeTimes
        self.frameInterval = frameInterval
        self.variableFrameRate = variableFrameRate
        self.gaps = gaps
    }

    enum CodingKeys: String, CodingKey {
        case index
        case codecType = "codec_type"
        case timeBase = "time_base"
        case packetCount = "packet_count"
        case frameCount = "frame_count"
        case keyframeCount = "keyframe_count"
        case firstPresented = "first_presented"
        case lastPresented = "last_presented"
        case playerStartSeconds = "player_start_seconds"
        case firstFrameDuration = "first_frame_duration"
        case keyframeTimes = "keyframe_times"
        case frameInterval = "frame_interval"
        case variableFrameRate = "variable_frame_rate"
        case gaps
    }
}

/// The shortest and longest gap between consecutive presented frames, in the stream's time base.
public struct FrameIntervalRange: Sendable, Hashable, Codable {
    public var minTicks: Int64
    public var maxTicks: Int64
    public var minSeconds: Double
    public var maxSeconds: Double

    public init(minTicks: Int64, maxTicks: Int64, timeBase: Rational) {
        self.minTicks = minTicks
        self.maxTicks = maxTicks
        self.minSeconds = MediaTime(pts: minTicks, timeBase: timeBase).seconds
        self.maxSeconds = MediaTime(pts: maxTicks, timeBase: timeBase).seconds
    }

    enum CodingKeys: String, CodingKey {
        case minTicks = "min_ticks"
        case maxTicks = "max_ticks"
        case minSeconds = "min_seconds"
        case maxSeconds = "max_seconds"
    }
}

/// A place where a stream's timestamps do not follow on: a hole in presentation, or decode
/// timestamps that go backwards or jump.
public struct TimestampGap: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Presentation resumes later than the previous packet ends.
        case gap
        /// Decode timestamps go backwards or repeat.
        case backwards
        /// Decode timestamps jump forward by far more than a packet (a splice or a reset clock).
        case jump
    }

    public var kind: Kind
    /// The timestamp where the previous packet ends (gap) or the previous decode timestamp.
    public var from: Int64
    /// The timestamp of the packet that follows.
    public var to: Int64
    public var fromSeconds: Double
    public var toSeconds: Double

    public init(kind: Kind, from: Int64, to: Int64, timeBase: Rational) {
        self.kind = kind
        self.from = from
        self.to = to
        self.fromSeconds = MediaTime(pts: from, timeBase: timeBase).seconds
        self.toSeconds = MediaTime(pts: to, timeBase: timeBase).seconds
    }

    enum CodingKeys: String, CodingKey {
        case kind, from, to
        case fromSeconds = "from_seconds"
        case toSeconds = "to_seconds"
    }
}
