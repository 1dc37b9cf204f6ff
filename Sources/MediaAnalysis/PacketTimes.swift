internal import CFFmpeg
import FootageModel
internal import MediaProbe

/// Presentation times of one stream's packets, from the container's index where it lists every
/// packet, else from a demux-only pass: frame indexes and keyframe times without decoding.
struct PacketTimes {
    /// Sorted presentation times of every packet a decoder would present.
    var presentation: [Int64]
    /// Presentation times of keyframe packets, sorted.
    var keyframes: [Int64]

    /// From the index of `input` (an MP4/MOV's sample tables) when it lists every packet, else
    /// from a scan of the whole file.
    static func read(_ input: MediaInput, streamIndex: Int32) throws(AnalysisError) -> PacketTimes {
        guard let packets = IndexedStreamPackets.packets(of: input.format, path: input.path, streamIndex: Int(streamIndex)) else {
            return try scan(path: input.path, streamIndex: streamIndex)
        }
        return PacketTimes(packets)
    }

    /// The presented packets' times, as the scan takes them from each packet.
    init(_ packets: [PacketRecord]) {
        var collected = Collected()
        for packet in packets {
            collected.take(pts: packet.pts ?? packet.dts, isKeyframe: packet.isKeyframe, isDiscarded: packet.isDiscarded)
        }
        self = collected.times
    }

    init(presentation: [Int64], keyframes: [Int64]) {
        self.presentation = presentation
        self.keyframes = keyframes
    }

    /// Which packets count and by which time, one rule for the index and the scan: packets an
    /// edit list discards are never shown, and a packet without a presentation time is placed
    /// by its decode time.
    private struct Collected {
        var presentation: [Int64] = []
        var keyframes: [Int64] = []

        mutating func take(pts: Int64?, isKeyframe: Bool, isDiscarded: Bool) {
            guard !isDiscarded, let pts else { return }
            presentation.append(pts)
            if isKeyframe { keyframes.append(pts) }
        }

        var times: PacketTimes { PacketTimes(presentation: presentation.sorted(), keyframes: keyframes.sorted()) }
    }

    /// A demux-only pass over the whole file. The input opens as the grabber's does, so that
    /// `streamIndex` names the same stream (and no frame is decoded to analyse the streams).
    static func scan(path: String, streamIndex: Int32) throws(AnalysisError) -> PacketTimes {
        let input = try MediaInput(path: path, videoOnly: true)
        input.keepOnly([streamIndex])
        let packet = try LibavPacket(path: path)
        var collected = Collected()
        while input.read(into: packet) {
            let current = packet.pointer.pointee
            guard current.stream_index == streamIndex else { continue }
            let timestamp = current.pts != footage_nopts_value() ? current.pts : current.dts
            collected.take(pts: timestamp != footage_nopts_value() ? timestamp : nil,
                           isKeyframe: current.flags & AV_PKT_FLAG_KEY != 0,
                           isDiscarded: current.flags & AV_PKT_FLAG_DISCARD != 0)
        }
        return collected.times
    }
}
