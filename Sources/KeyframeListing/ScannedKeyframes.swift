public import FootageModel

/// The keyframe list from a demux-only scan, for containers without a usable index.
public enum ScannedKeyframes {
    /// From a probe record whose timeline was built by a scan: its video streams' keyframe times
    /// are the presented keyframe packets, in the order `KeyframeEntry.presented` gives, held as
    /// seconds computed from each pts. Each pts is recovered from its seconds and accepted only
    /// when it is the one timestamp in the time base that gives exactly those seconds; `nil`
    /// when any is not (then `list(streams:packets:)` answers from a packet listing).
    public static func fromTimeline(_ record: ProbeRecord) -> [KeyframeEntry]? {
        guard let timeline = record.timeline else { return nil }
        var entries: [KeyframeEntry] = []
        for stream in timeline.streams.sorted(by: { $0.index < $1.index }) {
            // Only video streams that are not an attached picture carry keyframe times.
            guard let times = stream.keyframeTimes else { continue }
            for seconds in times {
                guard let pts = exactPTS(seconds, timeBase: stream.timeBase) else { return nil }
                entries.append(KeyframeEntry(streamIndex: stream.index, pts: pts, timeBase: stream.timeBase))
            }
        }
        return entries
    }

    /// The single timestamp whose `MediaTime.seconds` is exactly `seconds`, or `nil`.
    static func exactPTS(_ seconds: Double, timeBase: Rational) -> Int64? {
        guard timeBase.numerator > 0, timeBase.denominator > 0 else { return nil }
        let estimate = (seconds * Double(timeBase.denominator) / Double(timeBase.numerator)).rounded()
        // Far beyond any real timestamp, and where neighbouring timestamps share one Double.
        guard estimate.isFinite, estimate.magnitude < 0x1p52 else { return nil }
        let center = Int64(estimate)
        let matching = (center - 2...center + 2).filter { MediaTime(pts: $0, timeBase: timeBase).seconds == seconds }
        return matching.count == 1 ? matching.first : nil
    }

    /// From a packet listing, which gives the key and discard flags and timestamps, and the probe
    /// record's streams, which give each stream's time base and which streams are video (cover
    /// art, an attached picture, is not).
    public static func list(streams: [ProbeStream], packets: [PacketListingEntry]) -> [KeyframeEntry] {
        let video = streams.filter { $0.codecType == "video" && $0.disposition["attached_pic"] != 1 }
        guard !video.isEmpty else { return [] }
        var byStream: [Int: [PacketRecord]] = [:]
        for entry in packets where entry.isKeyframe {
            byStream[entry.streamIndex, default: []].append(PacketRecord(
                streamIndex: entry.streamIndex, pts: entry.pts, dts: entry.dts, duration: entry.duration ?? 0,
                size: Int(entry.size) ?? 0, position: entry.pos.flatMap { Int64($0) }, isKeyframe: true,
                isDiscarded: entry.flags.dropFirst().hasPrefix("D")))
        }
        return video.sorted { $0.index < $1.index }.flatMap { stream in
            KeyframeEntry.presented(in: byStream[stream.index] ?? [], streamIndex: stream.index, timeBase: stream.timeBase)
        }
    }
}
