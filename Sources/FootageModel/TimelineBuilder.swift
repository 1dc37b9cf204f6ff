/// Builds a `Timeline` from packets. The one place that turns packet timestamps into player
/// time, durations, frame-rate findings and gaps, whichever source the packets came from.
public enum TimelineBuilder {
    /// At most this many gaps are listed per stream; the warning gives the full count.
    public static let maxListedGaps = 100

    private static let microsecond = Rational(1, 1_000_000)

    public static func build(_ input: TimelineInput) -> Timeline {
        var byStream: [Int: [PacketRecord]] = [:]
        for packet in input.packets { byStream[packet.streamIndex, default: []].append(packet) }

        var warnings: [TimelineWarning] = []
        var durations: [TimelineDuration] = []
        if let containerDuration = input.containerDurationMicroseconds {
            durations.append(TimelineDuration(kind: .container, streamIndex: nil, ticks: containerDuration,
                                              timeBase: microsecond, label: "container duration (format header)"))
        }

        var summaries: [TimelineStream] = []
        var ends: [(stream: Int, end: MediaTime)] = []
        for info in input.streams {
            let packets = byStream[info.index] ?? []
            let result = StreamTimeline(info: info, packets: packets)
            summaries.append(result.summary)
            warnings += result.warnings
            if let declared = info.declaredDuration {
                durations.append(TimelineDuration(kind: .streamDeclared, streamIndex: info.index, ticks: declared,
                                                  timeBase: info.timeBase,
                                                  label: "stream \(info.index) duration (stream header)"))
            }
            if let span = result.presentedSpan {
                durations.append(TimelineDuration(kind: .streamPresented, streamIndex: info.index, ticks: span,
                                                  timeBase: info.timeBase,
                                                  label: "stream \(info.index) first to last presented packet, including the last packet's duration"))
            }
            if let end = result.presentedEnd, !info.isAttachedPicture { ends.append((info.index, end)) }
        }

        let origin = playerOrigin(input.streams, summaries)
        if let origin, let latest = ends.max(by: { $0.end < $1.end }) {
            let end = latest.end.rescaled(to: origin.timeBase)
            durations.append(TimelineDuration(kind: .playerSpan, streamIndex: nil, ticks: end.pts - origin.pts,
                                              timeBase: origin.timeBase,
                                              label: "player time 0 to the end of the last presented packet (stream \(latest.stream))"))
            if let container = input.containerDurationMicroseconds {
                let difference = abs(end.rescaled(to: microsecond).pts - origin.time.rescaled(to: microsecond).pts - container)
                if difference > 500_000 {
                    warnings.append(TimelineWarning(kind: .durationMismatch, streamIndex: nil,
                                                    message: "the container duration and the presented span differ by \(formatSeconds(Double(difference) / 1e6)) s"))
                }
            }
        }
        if input.stoppedAtLimit {
            warnings.append(TimelineWarning(kind: .scanLimitReached, streamIndex: nil,
                                            message: "the packet scan stopped at its limit; later packets are not counted"))
        }

        let containerStart = input.containerStartMicroseconds.map {
            TimelinePoint(streamIndex: nil, time: MediaTime(pts: $0, timeBase: microsecond))
        }
        return Timeline(source: input.source, playerOrigin: origin, containerStart: containerStart,
                        durations: durations, streams: summaries, rotation: input.rotation, warnings: warnings)
    }

    /// The first presented video frame; without video, the first presented audio packet; else
    /// the earliest presented packet of any stream.
    private static func playerOrigin(_ streams: [TimelineInput.Stream], _ summaries: [TimelineStream]) -> TimelinePoint? {
        let candidates = zip(streams, summaries).filter { !$0.0.isAttachedPicture }
        for type in ["video", "audio"] {
            let firsts = candidates.filter { $0.0.codecType == type }.compactMap { $0.1.firstPresented }
            if let first = firsts.min(by: { $0.time < $1.time }) { return first }
        }
        return candidates.compactMap { $0.1.firstPresented }.min(by: { $0.time < $1.time })
    }

    /// Seconds with millisecond precision, for messages only.
    static func formatSeconds(_ seconds: Double) -> String {
        let millis = Int64((seconds * 1000).rounded())
        let magnitude = abs(millis)
        let fraction = String(magnitude % 1000)
        return (millis < 0 ? "-" : "") + "\(magnitude / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
