public import FootageModel
public import TimingClaims

/// Turns what the catalogue holds about a clip (its probe record, its stored analysis, people's
/// marks) into the plain `ClipMeasurements` the check engine reads. Pure: no I/O.
public enum MeasurementGathering {
    /// Every duration the probe record gives, exactly: the container's, the primary video
    /// stream's as declared, and first-to-last presented frame from the packet timeline. A clip
    /// without video uses its primary audio stream for the stream durations.
    public static func durations(from record: ProbeRecord) -> ProbeDurations {
        let stream = record.primaryVideoStream ?? record.primaryAudioStream
        let timeline = record.timeline?.durations ?? []
        func timed(_ kind: TimelineDuration.Kind, stream index: Int?) -> ExactSeconds? {
            timeline.first { $0.kind == kind && $0.streamIndex == index }
                .flatMap { ExactSeconds(MediaTime(pts: $0.ticks, timeBase: $0.timeBase)) }
        }
        let container = timed(.container, stream: nil) ?? record.format.duration.flatMap(decimal)
        var declared = stream.flatMap { timed(.streamDeclared, stream: $0.index) }
        if declared == nil, let stream {
            declared = stream.durationTs.flatMap { ExactSeconds(MediaTime(pts: $0, timeBase: stream.timeBase)) }
                ?? stream.duration.flatMap(decimal)
        }
        let presented = stream.flatMap { timed(.streamPresented, stream: $0.index) }
        return ProbeDurations(container: container, videoStream: declared, presentedFrames: presented)
    }

    /// The measurements of one clip for claims linked with `offset`. Detected events come from
    /// the stored analysis (audio onsets and scene cuts, in player milliseconds); whether the
    /// clip has audio comes from the analysis when there is one, else from the probe.
    public static func measurements(probe: ProbeRecord?, analysis: AnalysisReport?, marks: [MarkedEvent],
                                    offset: ExactSeconds) -> ClipMeasurements {
        let durations = probe.map(durations(from:)) ?? ProbeDurations()
        var detected: [DetectedEvent] = []
        for event in analysis?.audio?.events ?? [] {
            detected.append(DetectedEvent(time: ExactSeconds(milliseconds: event.onsetMs), kind: .audioOnset,
                                          strength: event.strength))
        }
        for cut in analysis?.video?.cuts ?? [] {
            detected.append(DetectedEvent(time: ExactSeconds(milliseconds: cut.playerMs), kind: .sceneCut,
                                          strength: cut.score))
        }
        let hasAudio = analysis.map { $0.audio != nil } ?? (probe?.primaryAudioStream != nil)
        var span: ExactSeconds?
        if durations.presentedFrames == nil, durations.videoStream == nil, durations.container == nil, let analysis {
            span = ExactSeconds(milliseconds: analysis.durationMs)
        }
        return ClipMeasurements(durations: durations, detected: detected, marked: marks, span: span,
                                hasAudio: hasAudio, linkOffset: offset)
    }

    /// The scene cuts among a clip's detected events, in order.
    public static func cuts(in measurements: ClipMeasurements) -> [ExactSeconds] {
        measurements.detected.filter { $0.kind == .sceneCut }.map(\.time).sorted()
    }

    /// ffprobe's decimal seconds (`"9.000000"`), exactly; `nil` when not a plain decimal.
    static func decimal(_ text: String) -> ExactSeconds? {
        ExactSeconds(parsing: text)
    }
}
