#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One keyframe as `ffprobe -skip_frame nokey -show_frames` reports it: the stream, its
/// presentation timestamp and the time base that timestamp counts in.
public struct KeyframeEntry: Sendable, Hashable, Codable {
    public var streamIndex: Int
    public var pts: Int64
    public var timeBase: Rational

    public init(streamIndex: Int, pts: Int64, timeBase: Rational) {
        self.streamIndex = streamIndex
        self.pts = pts
        self.timeBase = timeBase
    }

    /// Seconds as ffprobe prints `pts_time`: `pts * av_q2d(time_base)` with `%f`.
    public var ptsTime: String { Self.sixDecimals(Double(pts) * (Double(timeBase.numerator) / Double(timeBase.denominator))) }

    /// The keyframes of one stream's packets in presentation order: those flagged key, presented
    /// (not discarded) and with a timestamp, which is what a decoder told to skip every other
    /// frame returns. Ties in `pts` are ordered by `dts`, as the timeline orders packets.
    public static func presented(in packets: [PacketRecord], streamIndex: Int, timeBase: Rational) -> [KeyframeEntry] {
        packets.filter { $0.isKeyframe && !$0.isDiscarded && $0.pts != nil && $0.streamIndex == streamIndex }
            .sorted { ($0.pts ?? 0, $0.dts ?? 0) < ($1.pts ?? 0, $1.dts ?? 0) }
            .compactMap { packet in packet.pts.map { KeyframeEntry(streamIndex: streamIndex, pts: $0, timeBase: timeBase) } }
    }

    /// `%f` as C prints it, so that the text equals ffprobe's.
    static func sixDecimals(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            guard let base = buffer.baseAddress else { return String(value) }
            _ = withVaList([value]) { vsnprintf(base, 64, "%f", $0) }
            return String(cString: base)
        }
    }

    enum CodingKeys: String, CodingKey {
        case streamIndex = "stream_index"
        case pts
        case ptsTime = "pts_time"
        case timeBase = "time_base"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        streamIndex = try container.decode(Int.self, forKey: .streamIndex)
        pts = try container.decode(Int64.self, forKey: .pts)
        timeBase = try container.decode(Rational.self, forKey: .timeBase)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(streamIndex, forKey: .streamIndex)
        try container.encode(pts, forKey: .pts)
        try container.encode(ptsTime, forKey: .ptsTime)
        try container.encode(timeBase, forKey: .timeBase)
    }
}
