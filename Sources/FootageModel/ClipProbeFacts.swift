/// The facts about a clip that listings and queries need, copied out of its probe record.
public struct ClipProbeFacts: Sendable, Hashable, Codable {
    /// The container format name as FFmpeg gives it (e.g. `mov,mp4,m4a,3gp,3g2,mj2`).
    public var container: String?
    /// The container duration, in microseconds (FFmpeg's `AV_TIME_BASE`).
    public var duration: MediaTime?
    public var videoCodec: String?
    public var width: Int?
    public var height: Int?
    /// The video stream's average frame rate, exactly.
    public var frameRate: Rational?
    public var audioCodec: String?
    /// `creation_time` as written in the file (it may be UTC or local; see the probe record).
    public var creationTime: String?

    public init(container: String?, duration: MediaTime?, videoCodec: String?, width: Int?, height: Int?,
                frameRate: Rational?, audioCodec: String?, creationTime: String?) {
        self.container = container
        self.duration = duration
        self.videoCodec = videoCodec
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.audioCodec = audioCodec
        self.creationTime = creationTime
    }

    /// The time base of stored durations: microseconds.
    public static let durationTimeBase = Rational(1, 1_000_000)
}

extension ClipProbeFacts {
    /// The key facts of a probe record: container name, container duration, the primary video
    /// stream's codec, size and average frame rate, the primary audio codec, `creation_time`.
    public init(record: ProbeRecord) {
        let video = record.primaryVideoStream
        let audio = record.primaryAudioStream
        let rate = video.flatMap { $0.avgFrameRate.numerator > 0 && $0.avgFrameRate.denominator > 0 ? $0.avgFrameRate : nil }
        self.init(
            container: record.format.formatName,
            duration: record.format.duration.flatMap(Self.microseconds).map {
                MediaTime(pts: $0, timeBase: Self.durationTimeBase)
            },
            videoCodec: video?.codecName, width: video?.width, height: video?.height,
            frameRate: rate, audioCodec: audio?.codecName,
            creationTime: record.format.tags?["creation_time"] ?? video?.tags?["creation_time"])
    }

    /// Parses ffprobe's decimal seconds (`"9.000000"`) into whole microseconds, exactly.
    static func microseconds(_ text: String) -> Int64? {
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = String(parts[1].prefix(6))
            guard digits.allSatisfy(\.isNumber) else { return nil }
            fraction = Int64(digits + String(repeating: "0", count: 6 - digits.count)) ?? 0
        }
        let value = whole * 1_000_000 + fraction
        return negative ? -value : value
    }
}
