internal import CFFmpeg

/// Presentation times of one stream's packets from a demux-only pass: frame indexes and keyframe
/// times without decoding.
struct PacketTimes {
    /// Sorted presentation times of every packet a decoder would present.
    var presentation: [Int64]
    /// Presentation times of keyframe packets, sorted.
    var keyframes: [Int64]

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
