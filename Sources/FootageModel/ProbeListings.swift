/// One packet as `ffprobe -show_packets -of json` prints it.
public struct PacketListingEntry: Sendable, Hashable, Codable {
    public var codecType: String?
    public var streamIndex: Int
    public var pts: Int64?
    public var ptsTime: String?
    public var dts: Int64?
    public var dtsTime: String?
    /// Omitted when 0 (unknown), as ffprobe does.
    public var duration: Int64?
    public var durationTime: String?
    public var size: String
    public var pos: String?
    /// `K` for a keyframe, `D` for a packet to discard (e.g. encoder priming), `_` otherwise.
    public var flags: String

    public init(codecType: String?, streamIndex: Int, pts: Int64?, ptsTime: String?, dts: Int64?,
                dtsTime: String?, duration: Int64?, durationTime: String?, size: String, pos: String?,
                flags: String) {
        self.codecType = codecType
        self.streamIndex = streamIndex
        self.pts = pts
        self.ptsTime = ptsTime
        self.dts = dts
        self.dtsTime = dtsTime
        self.duration = duration
        self.durationTime = durationTime
        self.size = size
        self.pos = pos
        self.flags = flags
    }

    public var isKeyframe: Bool { flags.hasPrefix("K") }

    enum CodingKeys: String, CodingKey {
        case codecType = "codec_type"
        case streamIndex = "stream_index"
        case pts
        case ptsTime = "pts_time"
        case dts
        case dtsTime = "dts_time"
        case duration
        case durationTime = "duration_time"
        case size, pos, flags
    }
}

/// One decoded frame as `ffprobe -show_frames -of json` prints it (the timing and picture fields).
/// A subtitle entry, like ffprobe's, has no stream index or key flag, and its times are in
/// microseconds.
public struct FrameListingEntry: Sendable, Hashable, Codable {
    public var mediaType: String?
    public var streamIndex: Int?
    public var keyFrame: Int?
    public var pts: Int64?
    public var ptsTime: String?
    public var pktDts: Int64?
    public var pktDtsTime: String?
    public var bestEffortTimestamp: Int64?
    public var bestEffortTimestampTime: String?
    public var pktDuration: Int64?
    public var pktDurationTime: String?
    public var pktPos: String?
    public var pktSize: String?
    // Video.
    public var width: Int?
    public var height: Int?
    public var pixFmt: String?
    /// `I`, `P`, `B`, … or `?` when the decoder does not say.
    public var pictType: String?
    // Audio.
    public var sampleFmt: String?
    public var nbSamples: Int?
    public var channels: Int?
    public var channelLayout: String?
    // Subtitles.
    public var format: Int?
    public var startDisplayTime: Int?
    public var endDisplayTime: Int?
    public var numRects: Int?

    public init(mediaType: String?, streamIndex: Int?, keyFrame: Int?) {
        self.mediaType = mediaType
        self.streamIndex = streamIndex
        self.keyFrame = keyFrame
    }

    enum CodingKeys: String, CodingKey {
        case mediaType = "media_type"
        case streamIndex = "stream_index"
        case keyFrame = "key_frame"
        case pts
        case ptsTime = "pts_time"
        case pktDts = "pkt_dts"
        case pktDtsTime = "pkt_dts_time"
        case bestEffortTimestamp = "best_effort_timestamp"
        case bestEffortTimestampTime = "best_effort_timestamp_time"
        case pktDuration = "pkt_duration"
        case pktDurationTime = "pkt_duration_time"
        case pktPos = "pkt_pos"
        case pktSize = "pkt_size"
        case width, height
        case pixFmt = "pix_fmt"
        case pictType = "pict_type"
        case sampleFmt = "sample_fmt"
        case nbSamples = "nb_samples"
        case channels
        case channelLayout = "channel_layout"
        case format
        case startDisplayTime = "start_display_time"
        case endDisplayTime = "end_display_time"
        case numRects = "num_rects"
    }
}
