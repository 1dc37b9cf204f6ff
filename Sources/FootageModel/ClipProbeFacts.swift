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
