public import FootageModel

/// The keyframe list from a demux-only scan, for containers without a usable index: the packet
/// listing gives the key and discard flags and timestamps, the probe record the time base of
/// each stream and which streams are video (cover art, an attached picture, is not).
public enum ScannedKeyframes {
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
