public import FootageModel

/// The durations a probe reports for a clip, each in player seconds; `nil` when not reported.
public struct ProbeDurations: Sendable, Hashable, Codable {
    public var container: ExactSeconds?
    public var videoStream: ExactSeconds?
    /// From the first presented frame to the end of the last presented frame.
    public var presentedFrames: ExactSeconds?

    enum CodingKeys: String, CodingKey {
        case container
        case videoStream = "video_stream"
        case presentedFrames = "presented_frames"
    }

    public init(container: ExactSeconds? = nil, videoStream: ExactSeconds? = nil, presentedFrames: ExactSeconds? = nil) {
        self.container = container
        self.videoStream = videoStream
        self.presentedFrames = presentedFrames
    }
}

/// What a detector found: an audio onset or a scene cut.
public enum DetectedEventKind: String, Sendable, Hashable, Codable {
    case audioOnset = "audio_onset"
    case sceneCut = "scene_cut"
}

/// An event found by analysis, in player time.
public struct DetectedEvent: Sendable, Hashable, Codable {
    public var time: ExactSeconds
    public var kind: DetectedEventKind
    /// How strong the detection was (dB above the noise floor for audio); for display and ranking only.
    public var strength: Double

    public init(time: ExactSeconds, kind: DetectedEventKind = .audioOnset, strength: Double) {
        self.time = time
        self.kind = kind
        self.strength = strength
    }
}

/// A person's observation of an event (`footage mark`), in player time.
public struct MarkedEvent: Sendable, Hashable, Codable {
    public var time: ExactSeconds
    public var label: String

    public init(time: ExactSeconds, label: String) {
        self.time = time
        self.label = label
    }
}

/// Everything the check engine needs to know about one clip, as plain values.
public struct ClipMeasurements: Sendable, Hashable, Codable {
    public var durations: ProbeDurations
    public var detected: [DetectedEvent]
    public var marked: [MarkedEvent]
    /// The clip's extent in player time, [0, span]; defaults to the preferred duration.
    public var span: ExactSeconds?
    public var hasAudio: Bool
    /// Where the article's excerpt starts in this clip: claimed times are shifted by it.
    public var linkOffset: ExactSeconds

    enum CodingKeys: String, CodingKey {
        case durations, detected, marked, span
        case hasAudio = "has_audio"
        case linkOffset = "link_offset"
    }

    public init(durations: ProbeDurations, detected: [DetectedEvent] = [], marked: [MarkedEvent] = [],
                span: ExactSeconds? = nil, hasAudio: Bool, linkOffset: ExactSeconds = .zero) {
        self.durations = durations
        self.detected = detected
        self.marked = marked
        self.span = span ?? durations.presentedFrames ?? durations.videoStream ?? durations.container
        self.hasAudio = hasAudio
        self.linkOffset = linkOffset
    }
}
