internal import CFFmpeg

/// The main video stream of an input with its decoder: hands out decoded frames in presentation
/// order and seeks.
final class VideoSource {
    let input: MediaInput
    let stream: UnsafeMutablePointer<AVStream>
    let decoder: Decoder
    private let packet: LibavPacket
    private var inputEnded = false
    /// True until the decoder is given its first packet or the input seeks: decoding goes on
    /// from where opening left the input, at the start.
    private(set) var atStart = true
    /// `packet` holds the first packet, read ahead for its timestamp and not yet decoded.
    private var holdsFirstPacket = false
    private var drainSent = false
    /// Packets presented before this time are decoded only if other frames refer to them.
    private var skipNonReferenceBefore: Int64?
    /// Times of the packets given to the decoder whose frames have not come out yet, oldest
    /// first; `nil` entries for packets without one.
    private var undelivered: [Int64?] = []
    /// False once a frame came out that no sent packet accounts for (a decoder that reorders):
    /// from then until the next seek `undelivered` says nothing and is not kept.
    private var deliveriesMatch = true

    init(path: String, tuning: Decoder.Tuning = Decoder.Tuning()) throws(AnalysisError) {
        input = try MediaInput(path: path, videoOnly: true)
        guard let stream = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw AnalysisError(.noStream, path: path, detail: "no video stream")
        }
        self.stream = stream
        input.keepOnly([stream.pointee.index])
        decoder = try Decoder(stream: stream, path: path, tuning: tuning)
        packet = try LibavPacket(path: path)
    }

    var path: String { input.path }
    var timeBase: AVRational { stream.pointee.time_base }
    var streamIndex: Int32 { stream.pointee.index }

    /// Where presentation probably starts, without decoding: the first packet's timestamp (read
    /// ahead and kept for decoding), else the stream's start time, else its first indexed
    /// timestamp, else 0. Only an estimate: frames that do not decode, edit lists and reordering
    /// can put the first presented frame elsewhere.
    func startEstimate() -> Int64 {
        if let first = firstPacketTimestamp() { return first }
        if stream.pointee.start_time != footage_nopts_value() { return stream.pointee.start_time }
        return avformat_index_get_entry(stream, 0)?.pointee.timestamp ?? 0
    }

    private func firstPacketTimestamp() -> Int64? {
        guard atStart, !holdsFirstPacket else { return nil }
        while input.read(into: packet) {
            guard packet.pointer.pointee.stream_index == streamIndex else { continue }
            holdsFirstPacket = true
            let pts = packet.pointer.pointee.pts
            // A packet an edit list cuts off is decoded but never shown: its time says nothing.
            let shown = (packet.pointer.pointee.flags & AV_PKT_FLAG_DISCARD) == 0
            return shown && pts != footage_nopts_value() ? pts : nil
        }
        inputEnded = true
        return nil
    }

    /// Decodes the next frame into `frame`; `false` when the stream has ended.
    func next(into frame: LibavFrame) throws(AnalysisError) -> Bool {
        while true {
            switch try decoder.receive(into: frame) {
            case .ready:
                noteDelivered(frame)
                return true
            case .endOfStream: return false
            case .needsInput:
                atStart = false
                if holdsFirstPacket {
                    holdsFirstPacket = false
                    try sendPacket()
                    continue
                }
                if inputEnded {
                    if drainSent { return false }
                    drainSent = true
                    _ = try decoder.send(nil)
                    continue
                }
                if !input.read(into: packet) {
                    inputEnded = true
                    continue
                }
                guard packet.pointer.pointee.stream_index == streamIndex else { continue }
                try sendPacket()
            }
        }
    }

    private func sendPacket() throws(AnalysisError) {
        let pts = packet.pointer.pointee.pts
        if deliveriesMatch { undelivered.append(pts == footage_nopts_value() ? nil : pts) }
        if let limit = skipNonReferenceBefore {
            let early = pts != footage_nopts_value() && pts < limit
            decoder.pointer.pointee.skip_frame = early ? AVDISCARD_NONREF : AVDISCARD_DEFAULT
        }
        _ = try decoder.send(packet)
    }

    /// While set, frames presented before `pts` that no other frame refers to are not decoded:
    /// after a seek they cannot be the frame wanted, and skipping them saves most of the work
    /// in streams with B-frames. `nil` decodes everything again.
    func skipNonReferenceFrames(before pts: Int64?) {
        skipNonReferenceBefore = pts
        if pts == nil { decoder.pointer.pointee.skip_frame = AVDISCARD_DEFAULT }
    }

    /// Seeks to the keyframe at or before `pts` (stream time base) and forgets decoder state.
    /// `false` when the demuxer cannot seek there.
    func seek(toPTS pts: Int64) -> Bool {
        atStart = false
        holdsFirstPacket = false
        let status = av_seek_frame(input.pointer, streamIndex, pts, AVSEEK_FLAG_BACKWARD)
        guard status >= 0 else { return false }
        reset()
        return true
    }

    /// Goes back to the very start of the input, where decoding gives every frame a full decode
    /// gives.
    func rewind() throws(AnalysisError) {
        // Nothing decoded yet: already at the start, where a seek in some containers (transport
        // streams) would land only near it.
        if atStart { return reset() }
        let first = avformat_index_get_entry(stream, 0)?.pointee.timestamp
        let start = first ?? (stream.pointee.start_time == footage_nopts_value() ? 0 : stream.pointee.start_time)
        var status = avformat_seek_file(input.pointer, streamIndex, Int64.min, start, start, 0)
        if status < 0 { status = av_seek_frame(input.pointer, -1, 0, AVSEEK_FLAG_BYTE) }
        try LibavStatus.check(status, "av_seek_frame to the start", path: path)
        reset()
    }

    /// Timestamp of the last keyframe at or before `pts` in the demuxer's index, when the index
    /// reaches past `pts`. Some demuxers (Matroska before its cues are read, transport streams)
    /// grow the index as they read, and a partial index would hide the keyframes not yet seen.
    func indexedKeyframe(atOrBefore pts: Int64) -> Int64? {
        guard av_index_search_timestamp(stream, pts, 0) >= 0 else { return nil }
        let position = av_index_search_timestamp(stream, pts, AVSEEK_FLAG_BACKWARD)
        guard position >= 0, let entry = avformat_index_get_entry(stream, position) else { return nil }
        return entry.pointee.timestamp
    }

    /// The presentation time of the next frame to come out, when the packets already sent tell it
    /// without decoding: the decoder keeps decode order (no reordering) and has trusted every
    /// timestamp so far, so the next frame is the oldest packet not yet delivered. A frame-threaded
    /// decoder holds one such packet while it hands out the frame before it.
    var upcomingPresentationTime: Int64? {
        let context = decoder.pointer.pointee
        guard deliveriesMatch, context.has_b_frames == 0, context.pts_correction_num_faulty_pts == 0 else { return nil }
        return undelivered.first ?? nil
    }

    /// Drops the packets up to the one `frame` came from (the ones before it gave no frame:
    /// skipped, hidden or discarded).
    private func noteDelivered(_ frame: LibavFrame) {
        let pts = frame.pointer.pointee.pts
        guard deliveriesMatch else { return }
        guard pts != footage_nopts_value(), let index = undelivered.firstIndex(of: pts) else {
            deliveriesMatch = false
            undelivered.removeAll()
            return
        }
        undelivered.removeFirst(index + 1)
    }

    private func reset() {
        undelivered.removeAll()
        deliveriesMatch = true
        decoder.flush()
        inputEnded = false
        drainSent = false
    }
}
