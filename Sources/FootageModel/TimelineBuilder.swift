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
        if let origin {
            for index in summaries.indices {
                guard let first = summaries[index].firstPresented else { continue }
                let offset = first.time.rescaled(to: microsecond).pts - origin.time.rescaled(to: microsecond).pts
                summaries[index].playerStartSeconds = Double(offset) / 1e6
            }
        }
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
        var timeline = Timeline(source: input.source, playerOrigin: origin, containerStart: containerStart,
                                durations: durations, streams: summaries, rotation: input.rotation, warnings: warnings)
        timeline.location = (input.tags["location"] ?? input.tags["com.apple.quicktime.location.ISO6709"])
            .flatMap { GeoLocation(iso6709: $0) }
        if let written = input.tags["creation_time"] ?? input.tags["com.apple.quicktime.creationdate"],
           let duration = recordingDuration(durations, streams: input.streams) {
            timeline.creationTime = RecordingWindow(creationTime: written, duration: duration)
        }
        return timeline
    }

    /// The video's presented duration for the recording window; without video, the longest
    /// presented stream; failing that, the container's duration.
    private static func recordingDuration(_ durations: [TimelineDuration], streams: [TimelineInput.Stream]) -> MediaTime? {
        let presented = durations.filter { $0.kind == .streamPresented }
        let video = streams.first { $0.codecType == "video" && !$0.isAttachedPicture }
        let pick = presented.first { $0.streamIndex == video?.index }
            ?? presented.max { $0.seconds < $1.seconds }
            ?? durations.first { $0.kind == .container }
        return pick.map { MediaTime(pts: $0.ticks, timeBase: $0.timeBase) }
    }

    /// The earliest presented audio or video packet; in a clip with neither, of any stream.
    private static func playerOrigin(_ streams: [TimelineInput.Stream], _ summaries: [TimelineStream]) -> TimelinePoint? {
        let candidates = zip(streams, summaries).filter { !$0.0.isAttachedPicture }
        let media = candidates.filter { $0.0.codecType == "video" || $0.0.codecType == "audio" }
        let pool = media.isEmpty ? candidates : media
        return pool.compactMap { $0.1.firstPresented }.min(by: { $0.time < $1.time })
    }

    /// Seconds with millisecond precision, for messages only.
    static func formatSeconds(_ seconds: Double) -> String {
        let millis = Int64((seconds * 1000).rounded())
        let magnitude = abs(millis)
        let fraction = String(magnitude % 1000)
        return (millis < 0 ? "-" : "") + "\(magnitude / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
