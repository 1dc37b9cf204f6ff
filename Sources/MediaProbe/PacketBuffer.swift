internal import CFFmpeg

/// Owns one `AVPacket`, reused for every read of a scan and unreferenced between reads.
final class PacketBuffer {
    let pointer: UnsafeMutablePointer<AVPacket>

    init() throws(FFmpegError) {
        guard let packet = av_packet_alloc() else {
            throw FFmpegError(function: "av_packet_alloc", code: footage_averror(ENOMEM))
        }
        pointer = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }

    /// The next packet of any stream, or `false` at the end of the file.
    func read(from format: FormatContext) throws(FFmpegError) -> Bool {
        av_packet_unref(pointer)
        let status = av_read_frame(format.pointer, pointer)
        if status == footage_averror_eof() { return false }
        try FFmpegError.check(status, "av_read_frame")
        return true
    }
}

/// Owns one `AVFrame`, reused for every decoded frame.
final class FrameBuffer {
    let pointer: UnsafeMutablePointer<AVFrame>

    init() throws(FFmpegError) {
        guard let frame = av_frame_alloc() else {
            throw FFmpegError(function: "av_frame_alloc", code: footage_averror(ENOMEM))
        }
        pointer = frame
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }
}
