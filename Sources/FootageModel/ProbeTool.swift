/// How a probe record was made: the tool, the FFmpeg libraries and the limits in force.
public struct ProbeTool: Sendable, Hashable, Codable {
    public var name: String
    public var version: String
    public var libavformat: String
    public var libavcodec: String
    public var libavutil: String
    public var limits: ProbeLimitsRecord

    public init(name: String = "footage", version: String, libavformat: String, libavcodec: String,
                libavutil: String, limits: ProbeLimitsRecord) {
        self.name = name
        self.version = version
        self.libavformat = libavformat
        self.libavcodec = libavcodec
        self.libavutil = libavutil
        self.limits = limits
    }
}

/// The limits a probe ran under, as recorded in its `tool` block.
public struct ProbeLimitsRecord: Sendable, Hashable, Codable {
    public var probeSize: Int64
    public var analyzeDurationMicroseconds: Int64
    public var maxStreams: Int
    public var maxPixels: Int64
    public var maxAllocationBytes: Int
    public var maxScanPackets: Int
    public var formatWhitelist: [String]

    public init(probeSize: Int64, analyzeDurationMicroseconds: Int64, maxStreams: Int, maxPixels: Int64,
                maxAllocationBytes: Int, maxScanPackets: Int, formatWhitelist: [String]) {
        self.probeSize = probeSize
        self.analyzeDurationMicroseconds = analyzeDurationMicroseconds
        self.maxStreams = maxStreams
        self.maxPixels = maxPixels
        self.maxAllocationBytes = maxAllocationBytes
        self.maxScanPackets = maxScanPackets
        self.formatWhitelist = formatWhitelist
    }

    enum CodingKeys: String, CodingKey {
        case probeSize = "probe_size"
        case analyzeDurationMicroseconds = "analyze_duration_us"
        case maxStreams = "max_streams"
        case maxPixels = "max_pixels"
        case maxAllocationBytes = "max_alloc_bytes"
        case maxScanPackets = "max_scan_packets"
        case formatWhitelist = "format_whitelist"
    }
}

extension ProbeTool {
    /// The Footage version recorded in probe records.
    public static let footageVersion = "0.1.0"
}
