internal import CFFmpeg

/// Owns an opened `AVCodecContext` for one stream: ffprobe reads some stream fields (coded size,
/// refs, exported options) from an opened decoder, and the frame listing decodes with it.
final class DecoderContext {
    let pointer: UnsafeMutablePointer<AVCodecContext>
    /// Picture and sample buffers the decoder asked for and could not get (the context's `opaque`
    /// points here). Decoders report such a failure as damaged data (H.264: "decode_slice_header
    /// error"), so this count is the only sign that a memory ceiling, not the file, lost a frame.
    private let failedBuffers: UnsafeMutablePointer<Int>

    /// Buffers the decoder could not allocate so far.
    var bufferAllocationFailures: Int { failedBuffers.pointee }

    /// `nil` when libavcodec has no decoder for the stream's codec.
    init?(stream: UnsafeMutablePointer<AVStream>, maxPixels: Int64) throws(FFmpegError) {
        guard let parameters = stream.pointee.codecpar,
              let codec = avcodec_find_decoder(parameters.pointee.codec_id) else { return nil }
        guard let context = avcodec_alloc_context3(codec) else {
            throw FFmpegError(function: "avcodec_alloc_context3", code: footage_averror(ENOMEM))
        }
        pointer = context
        failedBuffers = .allocate(capacity: 1)
        failedBuffers.initialize(to: 0)
        // From here on deinit frees the context if a step fails.
        try FFmpegError.check(avcodec_parameters_to_context(context, parameters), "avcodec_parameters_to_context")
        context.pointee.pkt_timebase = stream.pointee.time_base
        context.pointee.opaque = UnsafeMutableRawPointer(failedBuffers)
        // One thread decodes (see `threads` below), so the callback needs no lock; saying "no
        // frame threading" keeps libavcodec from warning about a callback not marked thread-safe.
        context.pointee.thread_type = FF_THREAD_SLICE
        context.pointee.get_buffer2 = { context, frame, flags in
            let status = avcodec_default_get_buffer2(context, frame, flags)
            if status < 0, let counter = context?.pointee.opaque {
                counter.assumingMemoryBound(to: Int.self).pointee += 1
            }
            return status
        }
        let options = OptionsDictionary([("max_pixels", String(maxPixels)), ("threads", "1")])
        try FFmpegError.check(avcodec_open2(context, codec, &options.pointer), "avcodec_open2")
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = pointer
        avcodec_free_context(&context)
        failedBuffers.deallocate()
    }

    /// Options the decoder marks for export (H.264: `is_avc`, `nal_length_size`), by name.
    var exportedOptions: [String: String] {
        // Private data starts with an AVClass pointer only when the codec declares a class.
        guard pointer.pointee.codec?.pointee.priv_class != nil, let privateData = pointer.pointee.priv_data else { return [:] }
        var result: [String: String] = [:]
        var option: UnsafePointer<AVOption>? = av_opt_next(privateData, nil)
        while let current = option {
            if current.pointee.flags & AV_OPT_FLAG_EXPORT != 0, let name = current.pointee.name {
                var value: UnsafeMutablePointer<UInt8>?
                if av_opt_get(privateData, name, 0, &value) >= 0, let value {
                    result[String(cString: name)] = String(cString: value)
                    av_free(value)
                }
            }
            option = av_opt_next(privateData, current)
        }
        return result
    }
}
