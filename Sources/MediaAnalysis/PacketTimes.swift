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
        var presentation: [Int64] = []
        var keyframes: [Int64] = []
        for packet in packets where !packet.isDiscarded {
            guard let pts = packet.pts ?? packet.dts else { continue }
            presentation.append(pts)
            if packet.isKeyframe { keyframes.append(pts) }
        }
        self.init(presentation: presentation.sorted(), keyframes: keyframes.sorted())
    }

    init(presentation: [Int64], keyframes: [Int64]) {
        self.presentation = presentation
        self.keyframes = keyframes
    }

    static func scan(path: String, streamIndex: Int32) throws(AnalysisError) -> PacketTimes {
        let input = try MediaInput(path: path)
        input.keepOnly([streamIndex])
        let packet = try LibavPacket(path: path)
        var presentation: [Int64] = []
        var keyframes: [Int64] = []
        while input.read(into: packet) {
            let current = packet.pointer.pointee
            guard current.stream_index == streamIndex, current.flags & AV_PKT_FLAG_DISCARD == 0 else { continue }
            let pts = current.pts != footage_nopts_value() ? current.pts : current.dts
            guard pts != footage_nopts_value() else { continue }
            presentation.append(pts)
            if current.flags & AV_PKT_FLAG_KEY != 0 { keyframes.append(pts) }
        }
        return PacketTimes(presentation: presentation.sorted(), keyframes: keyframes.sorted())
    }
}
