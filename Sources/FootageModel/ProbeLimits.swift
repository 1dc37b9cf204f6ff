/// Bounds on what a probe may read and allocate, so a hostile file cannot make it read forever,
/// allocate without limit or open other files.
public struct ProbeLimits: Sendable, Hashable, Codable {
    /// Bytes libavformat may read to identify the container and streams (`probesize`).
    public var probeSize: Int64
    /// Media time, in microseconds, stream analysis may cover (`analyzeduration`).
    public var analyzeDurationMicroseconds: Int64
    public var maxStreams: Int
    /// Largest picture (width × height) a decoder may allocate (`max_pixels`).
    public var maxPixels: Int64
    /// Largest single allocation libav may make (`av_max_alloc`).
    public var maxAllocationBytes: Int
    /// The demux scan stops after this many packets and says so.
    public var maxScanPackets: Int
    /// The frame listing stops after this many frames.
    public var maxFrames: Int
    /// Demuxer names libavformat may use. Never a playlist, concat or network demuxer: those open
    /// other files or URLs named inside the file.
    public var formatWhitelist: [String]

    public init(probeSize: Int64, analyzeDurationMicroseconds: Int64, maxStreams: Int, maxPixels: Int64,
                maxAllocationBytes: Int, maxScanPackets: Int, maxFrames: Int, formatWhitelist: [String]) {
        self.probeSize = probeSize
        self.analyzeDurationMicroseconds = analyzeDurationMicroseconds
        self.maxStreams = maxStreams
        self.maxPixels = maxPixels
        self.maxAllocationBytes = maxAllocationBytes
        self.maxScanPackets = maxScanPackets
        self.maxFrames = maxFrames
        self.formatWhitelist = formatWhitelist
    }

    /// The containers real footage arrives in.
    public static let realContainers = [
        "mov", "mp4", "m4a", "3gp", "3g2", "mj2",
        "matroska", "webm", "mpegts", "avi", "flv", "ogg", "wav", "w64", "mp3", "aac",
        "mpeg", "mpegvideo", "h264", "hevc", "m4v", "asf", "mxf", "ac3", "eac3", "flac", "amr",
        "aiff", "caf", "ivf", "dv",
    ]

    /// ffprobe's own probe size and analysis duration (so fields agree with it), bounded streams,
    /// pictures up to 16384 × 16384, single allocations up to 1 GiB, and listings that stay
    /// within a few hundred megabytes: 4 million packets (over a day of 30 fps video with audio)
    /// and 500 000 decoded frames.
    public static let `default` = ProbeLimits(
        probeSize: 5_000_000, analyzeDurationMicroseconds: 5_000_000, maxStreams: 64,
        maxPixels: 16384 * 16384, maxAllocationBytes: 1 << 30, maxScanPackets: 4_000_000,
        maxFrames: 500_000, formatWhitelist: realContainers)

    /// The limits as the probe record's `tool` block records them.
    public var record: ProbeLimitsRecord {
        ProbeLimitsRecord(probeSize: probeSize, analyzeDurationMicroseconds: analyzeDurationMicroseconds,
                          maxStreams: maxStreams, maxPixels: maxPixels, maxAllocationBytes: maxAllocationBytes,
                          maxScanPackets: maxScanPackets, formatWhitelist: formatWhitelist)
    }
}
