/// The container as ffprobe's `-show_format` prints it.
///
/// Decimals and large counts are strings (`"9.000000"`, `"86204"`), as ffprobe writes them, so the
/// JSON can be compared with ffprobe's field by field. Exact times live in the `timeline` block.
public struct ProbeFormat: Sendable, Hashable, Codable {
    /// The path as it was given to the prober.
    public var filename: String
    public var nbStreams: Int
    public var nbPrograms: Int
    /// Demuxer names, e.g. `"mov,mp4,m4a,3gp,3g2,mj2"`.
    public var formatName: String
    public var formatLongName: String?
    /// Seconds with six decimals; absent when the container gives none.
    public var startTime: String?
    public var duration: String?
    /// File size in bytes.
    public var size: String?
    /// Bits per second.
    public var bitRate: String?
    /// How sure libavformat was of the container (100 = certain).
    public var probeScore: Int
    public var tags: [String: String]?

    public init(filename: String, nbStreams: Int, nbPrograms: Int, formatName: String,
                formatLongName: String?, startTime: String?, duration: String?, size: String?,
                bitRate: String?, probeScore: Int, tags: [String: String]?) {
        self.filename = filename
        self.nbStreams = nbStreams
        self.nbPrograms = nbPrograms
        self.formatName = formatName
        self.formatLongName = formatLongName
        self.startTime = startTime
        self.duration = duration
        self.size = size
        self.bitRate = bitRate
        self.probeScore = probeScore
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case filename
        case nbStreams = "nb_streams"
        case nbPrograms = "nb_programs"
        case formatName = "format_name"
        case formatLongName = "format_long_name"
        case startTime = "start_time"
        case duration, size
        case bitRate = "bit_rate"
        case probeScore = "probe_score"
        case tags
    }
}
