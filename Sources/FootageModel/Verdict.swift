/// The outcome of checking one claim against one clip. It speaks of the footage, never of the world.
public enum VerdictOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The footage bears the claim out.
    case consistent
    /// The footage contradicts the claim.
    case inconsistent
    /// The footage cannot settle it (no audio, fewer detections than claimed and nothing marked).
    case inconclusive
    /// Not checkable from footage by this engine (visual judgements, claims with no footage).
    case unchecked
}

/// Where a measured value came from.
public enum MeasurementSource: String, Sendable, Hashable, Codable {
    /// An analysis of the clip: audio onsets, scene cuts.
    case detected
    /// A person's mark (`footage mark`); it outranks a detector.
    case marked
    /// The container and stream metadata read by the probe.
    case probe
}

/// What a measured value is.
public enum MeasurementName: String, Sendable, Hashable, Codable {
    /// From the first presented frame to the end of the last one.
    case presentedFramesDuration = "presented_frames_duration"
    case videoStreamDuration = "video_stream_duration"
    case containerDuration = "container_duration"
    /// The times of the events found in the claimed interval.
    case eventsInInterval = "events_in_interval"
    /// The times of the events found after the earlier claim's event.
    case eventsAfter = "events_after"
}

/// One measurement used (or listed beside the one used) by a check.
public struct Measurement: Sendable, Hashable, Codable {
    public var name: MeasurementName
    public var source: MeasurementSource
    /// A measured length, for durations.
    public var seconds: ExactSeconds?
    /// The number of events counted.
    public var count: Int?
    /// The event times counted, in clip time.
    public var times: [ExactSeconds]

    public init(name: MeasurementName, source: MeasurementSource, seconds: ExactSeconds? = nil,
                count: Int? = nil, times: [ExactSeconds] = []) {
        self.name = name
        self.source = source
        self.seconds = seconds
        self.count = count
        self.times = times
    }
}

/// How the other reading of an ambiguous timing would have come out.
public struct AlternativeOutcome: Sendable, Hashable, Codable {
    public var reading: IntervalReading
    public var outcome: VerdictOutcome
    public var explanation: String

    public init(reading: IntervalReading, outcome: VerdictOutcome, explanation: String) {
        self.reading = reading
        self.outcome = outcome
        self.explanation = explanation
    }
}

/// The result of checking one claim against one clip's measurements.
public struct Verdict: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case claimId = "claim_id"
        case outcome
        case interval
        case offset
        case measurement
        case otherMeasurements = "other_measurements"
        case difference
        case countDifference = "count_difference"
        case tolerance
        case explanation
        case alternativeReading = "alternative_reading"
        case clip
        case frame
        case cuts
    }

    public var claimId: String
    public var outcome: VerdictOutcome
    /// The claim's interval as read (before any link offset).
    public var interval: ClaimedInterval?
    /// The link offset applied: where the article's excerpt starts in this clip.
    public var offset: ExactSeconds
    /// The measurement the outcome rests on.
    public var measurement: Measurement?
    /// Other measurements of the same quantity, listed for the reader (other duration kinds).
    public var otherMeasurements: [Measurement]
    /// How far the measured value lies from the claim: outside the interval (zero inside), or
    /// events counted minus events claimed.
    public var difference: ExactSeconds?
    public var countDifference: Int?
    /// How far from the written value the claim's reading allows.
    public var tolerance: ExactSeconds?
    public var explanation: String
    public var alternativeReading: AlternativeOutcome?
    /// The clip checked; `nil` when the claim is linked to none. Set by whoever ran the check.
    public var clip: SHA256Digest?
    /// The frame on screen at the claimed moment, when the claim points to one.
    public var frame: ClaimedFrame?
    /// Scene cuts detected in the clip, in player time; present when there are any, since a
    /// clip cut together from several sources may not show one continuous event.
    public var cuts: [ExactSeconds]?

    public init(claimId: String, outcome: VerdictOutcome, interval: ClaimedInterval?, offset: ExactSeconds = .zero,
                measurement: Measurement? = nil, otherMeasurements: [Measurement] = [],
                difference: ExactSeconds? = nil, countDifference: Int? = nil, tolerance: ExactSeconds? = nil,
                explanation: String, alternativeReading: AlternativeOutcome? = nil) {
        self.claimId = claimId
        self.outcome = outcome
        self.interval = interval
        self.offset = offset
        self.measurement = measurement
        self.otherMeasurements = otherMeasurements
        self.difference = difference
        self.countDifference = countDifference
        self.tolerance = tolerance
        self.explanation = explanation
        self.alternativeReading = alternativeReading
    }
}
