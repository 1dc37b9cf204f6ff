internal import CFFmpeg

/// Owns one `AVFrame`.
final class LibavFrame {
    let pointer: UnsafeMutablePointer<AVFrame>

    init(path: String) throws(AnalysisError) {
        guard let frame = av_frame_alloc() else {
            throw AnalysisError(.codec, path: path, detail: "av_frame_alloc failed", cause: "out of memory")
        }
        pointer = frame
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }

    /// Presentation time: the decoder's best estimate, which also covers streams without pts.
    var presentationTimestamp: Int64? {
        let best = pointer.pointee.best_effort_timestamp
        if best != footage_nopts_value() { return best }
        let pts = pointer.pointee.pts
        return pts == footage_nopts_value() ? nil : pts
    }

    /// How long the frame stays on screen (stream time base): the container's duration, at least 1.
    var shownDuration: Int64 { max(pointer.pointee.pkt_duration, 1) }

    var isKeyframe: Bool { pointer.pointee.key_frame != 0 }

    var isCorrupt: Bool { pointer.pointee.decode_error_flags != 0 || (pointer.pointee.flags & AV_FRAME_FLAG_CORRUPT) != 0 }

    var pictureType: String {
        let character = av_get_picture_type_char(pointer.pointee.pict_type)
        return String(UnicodeScalar(UInt8(bitPattern: character)))
    }
}

/// Owns one `AVPacket`.
final class LibavPacket {
    let pointer: UnsafeMutablePointer<AVPacket>

    init(path: String) throws(AnalysisError) {
        guard let packet = av_packet_alloc() else {
            throw AnalysisError(.codec, path: path, detail: "av_packet_alloc failed", cause: "out of memory")
        }
        pointer = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }
}
