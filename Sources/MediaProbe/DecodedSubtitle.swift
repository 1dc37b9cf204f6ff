internal import CFFmpeg
import FootageModel

/// Owns one decoded `AVSubtitle` (its rectangles and text), freed in `deinit`.
final class DecodedSubtitle {
    private var subtitle = AVSubtitle()

    /// `nil` when the packet gave no subtitle or could not be decoded.
    init?(decoder: DecoderContext, packet: PacketBuffer) {
        var got: Int32 = 0
        let status = avcodec_decode_subtitle2(decoder.pointer, &subtitle, &got, packet.pointer)
        // On failure or no output libavcodec leaves nothing allocated in the subtitle.
        guard status >= 0, got != 0 else { return nil }
    }

    deinit { avsubtitle_free(&subtitle) }

    /// The entry ffprobe prints for a subtitle: no stream index, times in microseconds.
    var entry: FrameListingEntry {
        var result = FrameListingEntry(mediaType: "subtitle", streamIndex: nil, keyFrame: nil)
        result.pts = FFprobeText.timestamp(subtitle.pts)
        result.ptsTime = FFprobeText.time(subtitle.pts, footage_time_base_q())
        result.format = Int(subtitle.format)
        result.startDisplayTime = Int(subtitle.start_display_time)
        result.endDisplayTime = Int(subtitle.end_display_time)
        result.numRects = Int(subtitle.num_rects)
        return result
    }
}
