internal import CFFmpeg

/// Owns an opened `AVCodecContext` for one stream: ffprobe reads some stream fields (coded size,
/// refs, exported options) from an opened decoder, and the frame listing decodes with it.
final class DecoderContext {
    let pointer: UnsafeMutablePointer<AVCodecContext>

    /// `nil` when libavcodec has no decoder for the stream's codec.
    init?(stream: UnsafeMutablePointer<AVStream>, maxPixels: Int64) throws(FFmpegError) {
        guard let parameters = stream.pointee.codecpar,
              let codec = avcodec_find_decoder(parameters.pointee.codec_id) else { return nil }
        guard let context = avcodec_alloc_context3(codec) else {
            throw FFmpegError(function: "avcodec_alloc_context3", code: footage_averror(ENOMEM))
        }
        pointer = context
        // From here on deinit frees the context if a step fails.
        try FFmpegError.check(avcodec_parameters_to_context(context, parameters), "avcodec_parameters_to_context")
        context.pointee.pkt_timebase = stream.pointee.time_base
        let options = OptionsDictionary([("max_pixels", String(maxPixels)), ("threads", "1")])
        try FFmpegError.check(avcodec_open2(context, codec, &options.pointer), "avcodec_open2")
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = pointer
        avcodec_free_context(&context)
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
