/// Everything one decoding pass measured in a clip: plain values that a catalogue can store and a
/// page or the command line can render.
public struct AnalysisReport: Sendable, Hashable, Codable {
    public var path: String
    /// Player duration analysed, in milliseconds (last presented video frame end, or audio end).
    public var durationMs: Int64
    /// `nil` when the clip has no audio stream.
    public var audio: AudioAnalysis?
    /// `nil` when the clip has no video stream.
    public var video: VideoAnalysis?

    public init(path: String, durationMs: Int64, audio: AudioAnalysis?, video: VideoAnalysis?) {
        self.path = path
        self.durationMs = durationMs
        self.audio = audio
        self.video = video
    }
}

/// Audio measurements and the settings that produced them.
public struct AudioAnalysis: Sendable, Hashable, Codable {
    public var streamIndex: Int
    public var codec: String
    /// Rate the audio was resampled to (mono float) before detection.
    public var analysisSampleRate: Int
    public var events: [AudioEvent]

    public init(streamIndex: Int, codec: String, analysisSampleRate: Int, events: [AudioEvent]) {
        self.streamIndex = streamIndex
        self.codec = codec
        self.analysisSampleRate = analysisSampleRate
        self.events = events
    }
}

/// Video measurements: cuts and sampled frame hashes.
public struct VideoAnalysis: Sendable, Hashable, Codable {
    public var streamIndex: Int
    public var codec: String
    public var timeBase: Rational
    /// Frames decoded and compared.
    public var frameCount: Int
    public var cuts: [SceneCut]
    /// Hashes per second of player time requested.
    public var hashesPerSecond: Int
    public var hashes: [FrameHash]

    public init(streamIndex: Int, codec: String, timeBase: Rational, frameCount: Int, cuts: [SceneCut],
                hashesPerSecond: Int, hashes: [FrameHash]) {
        self.streamIndex = streamIndex
        self.codec = codec
        self.timeBase = timeBase
        self.frameCount = frameCount
        self.cuts = cuts
        self.hashesPerSecond = hashesPerSecond
        self.hashes = hashes
    }
}
