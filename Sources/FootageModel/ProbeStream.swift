/// One stream as ffprobe's `-show_streams` prints it, with ffprobe's names and value conventions:
/// small integers as numbers, decimals and large counts as strings, rationals as `"num/den"`
/// (aspect ratios as `"num:den"`). A field ffprobe omits for this stream is `nil` and omitted.
public struct ProbeStream: Sendable, Hashable, Codable {
    public var index: Int
    public var codecName: String?
    public var codecLongName: String?
    public var profile: String?
    /// `"video"`, `"audio"`, `"subtitle"`, `"data"`, `"attachment"`.
    public var codecType: String?
    public var codecTagString: String
    /// The fourcc as hexadecimal, e.g. `"0x31637661"`.
    public var codecTag: String

    // Video.
    public var width: Int?
    public var height: Int?
    public var codedWidth: Int?
    public var codedHeight: Int?
    public var closedCaptions: Int?
    public var filmGrain: Int?
    public var hasBFrames: Int?
    public var sampleAspectRatio: String?
    public var displayAspectRatio: String?
    public var pixFmt: String?
    public var level: Int?
    public var colorRange: String?
    public var colorSpace: String?
    public var colorTransfer: String?
    public var colorPrimaries: String?
    public var chromaLocation: String?
    public var fieldOrder: String?
    public var refs: Int?

    // Audio.
    public var sampleFmt: String?
    public var sampleRate: String?
    public var channels: Int?
    public var channelLayout: String?
    public var bitsPerSample: Int?

    // Options the decoder exports (H.264: `is_avc`, `nal_length_size`; MPEG-4 Part 2:
    // `quarter_sample`, `divx_packed`).
    public var isAvc: String?
    public var nalLengthSize: String?
    public var quarterSample: String?
    public var divxPacked: String?

    /// The container's own stream id, as hexadecimal, where the container has one (MP4 track id,
    /// MPEG-TS PID).
    public var id: String?
    public var rFrameRate: Rational
    public var avgFrameRate: Rational
    public var timeBase: Rational
    public var startPts: Int64?
    public var startTime: String?
    public var durationTs: Int64?
    public var duration: String?
    public var bitRate: String?
    public var maxBitRate: String?
    public var bitsPerRawSample: String?
    public var nbFrames: String?
    public var extradataSize: Int?
    /// Every disposition flag by name, 0 or 1 (`default`, `attached_pic`, …).
    public var disposition: [String: Int]
    public var tags: [String: String]?
    public var sideDataList: [ProbeSideData]?

    public init(index: Int, codecType: String?, codecTagString: String, codecTag: String,
                rFrameRate: Rational, avgFrameRate: Rational, timeBase: Rational,
                disposition: [String: Int] = [:]) {
        self.index = index
        self.codecType = codecType
        self.codecTagString = codecTagString
        self.codecTag = codecTag
        self.rFrameRate = rFrameRate
        self.avgFrameRate = avgFrameRate
        self.timeBase = timeBase
        self.disposition = disposition
    }

    /// Degrees from the display matrix, as ffprobe prints them (see `ProbeSideData.rotation`).
    public var displayMatrixRotation: Int? {
        sideDataList?.first { $0.rotation != nil }?.rotation
    }

    enum CodingKeys: String, CodingKey {
        case index
        case codecName = "codec_name"
        case codecLongName = "codec_long_name"
        case profile
        case codecType = "codec_type"
        case codecTagString = "codec_tag_string"
        case codecTag = "codec_tag"
        case width, height
        case codedWidth = "coded_width"
        case codedHeight = "coded_height"
        case closedCaptions = "closed_captions"
        case filmGrain = "film_grain"
        case hasBFrames = "has_b_frames"
        case sampleAspectRatio = "sample_aspect_ratio"
        case displayAspectRatio = "display_aspect_ratio"
        case pixFmt = "pix_fmt"
        case level
        case colorRange = "color_range"
        case colorSpace = "color_space"
        case colorTransfer = "color_transfer"
        case colorPrimaries = "color_primaries"
        case chromaLocation = "chroma_location"
        case fieldOrder = "field_order"
        case refs
        case sampleFmt = "sample_fmt"
        case sampleRate = "sample_rate"
        case channels
        case channelLayout = "channel_layout"
        case bitsPerSample = "bits_per_sample"
        case isAvc = "is_avc"
        case nalLengthSize = "nal_length_size"
        case quarterSample = "quarter_sample"
        case divxPacked = "divx_packed"
        case id
        case rFrameRate = "r_frame_rate"
        case avgFrameRate = "avg_frame_rate"
        case timeBase = "time_base"
        case startPts = "start_pts"
        case startTime = "start_time"
        case durationTs = "duration_ts"
        case duration
        case bitRate = "bit_rate"
        case maxBitRate = "max_bit_rate"
        case bitsPerRawSample = "bits_per_raw_sample"
        case nbFrames = "nb_frames"
        case extradataSize = "extradata_size"
        case disposition, tags
        case sideDataList = "side_data_list"
    }
}
