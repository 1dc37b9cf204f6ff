public import FootageModel

/// The order in which libavformat's mov demuxer hands out the packets of several tracks, so that
/// a listing built from the index reads like a demux scan.
///
/// The demuxer keeps a cursor per track and, at each step, takes the next sample of one track:
/// the first track with samples left, replaced by a later track whose next sample lies earlier
/// in the file when the two decode times are within a second of each other, or whose decode time
/// is earlier when they are further apart (`mov_find_next_sample`, for a seekable file read
/// interleaved, which is how the prober opens files).
public enum DemuxOrder {
    /// The decode-time window within which file position decides (`AV_TIME_BASE`, one second).
    private static let window: Int128 = 1_000_000

    public static func interleave(_ tracks: [TrackIndex]) -> [PacketRecord] {
        var cursors = [Int](repeating: 0, count: tracks.count)
        var ordered: [PacketRecord] = []
        ordered.reserveCapacity(tracks.reduce(0) { $0 + $1.packets.count })
        while true {
            var best: (track: Int, dts: Int128, position: Int64)?
            for (number, track) in tracks.enumerated() where cursors[number] < track.packets.count {
                let packet = track.packets[cursors[number]]
                let dts = microseconds(packet.dts ?? 0, track.timeBase)
                let position = packet.position ?? Int64.max
                guard let current = best else {
                    best = (number, dts, position)
                    continue
                }
                let apart = dts > current.dts ? dts - current.dts : current.dts - dts
                if (apart <= window && position < current.position) || (apart > window && dts < current.dts) {
                    best = (number, dts, position)
                }
            }
            guard let chosen = best else { break }
            ordered.append(tracks[chosen.track].packets[cursors[chosen.track]])
            cursors[chosen.track] += 1
        }
        return ordered
    }

    /// `av_rescale(timestamp, AV_TIME_BASE, timescale)`: rounded to the nearest, halves away
    /// from zero, in 128 bits so that no timestamp a table can hold overflows.
    static func microseconds(_ timestamp: Int64, _ timeBase: Rational) -> Int128 {
        let numerator = Int128(timestamp) * Int128(timeBase.numerator) * 1_000_000
        let denominator = Int128(timeBase.denominator)
        guard denominator > 0 else { return 0 }
        let half = denominator / 2
        return numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator)
    }
}
