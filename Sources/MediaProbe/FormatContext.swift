package import CFFmpeg
package import FootageModel

/// Owns an opened `AVFormatContext`; closes it in `deinit`.
package final class FormatContext {
    package let pointer: UnsafeMutablePointer<AVFormatContext>

    /// Opens `path` through the `file` protocol only (the `file:` form, so a name with a colon is
    /// never taken for a protocol), with the container whitelist and the limits.
    init(path: String, limits: ProbeLimits) throws(FFmpegError) {
        av_max_alloc(limits.maxAllocationBytes)
        let options = OptionsDictionary([
            ("format_whitelist", limits.formatWhitelist.joined(separator: ",")),
            ("protocol_whitelist", "file"),
            ("probesize", String(limits.probeSize)),
            ("analyzeduration", String(limits.analyzeDurationMicroseconds)),
            ("max_streams", String(limits.maxStreams)),
        ])
        var context: UnsafeMutablePointer<AVFormatContext>?
        // On failure avformat_open_input frees the context itself.
        try FFmpegError.check(avformat_open_input(&context, "file:" + path, nil, &options.pointer),
                              "avformat_open_input")
        guard let context else { throw FFmpegError(function: "avformat_open_input", code: footage_averror(ENOMEM)) }
        pointer = context
    }

    deinit {
        var context: UnsafeMutablePointer<AVFormatContext>? = pointer
        avformat_close_input(&context)
    }

    package var streamCount: Int { Int(pointer.pointee.nb_streams) }

    /// A borrowed stream: read it, never keep it beyond this context.
    package func stream(at index: Int) -> UnsafeMutablePointer<AVStream>? {
        guard index >= 0, index < streamCount, let streams = pointer.pointee.streams else { return nil }
        return streams[index]
    }

    /// Reads packets of every stream to fill in what the headers do not say, with the decoders
    /// bounded to `maxPixels`.
    func findStreamInfo(maxPixels: Int64) throws(FFmpegError) {
        let count = streamCount
        let perStream = StreamOptionsArray(count: count, entries: [("max_pixels", String(maxPixels))])
        try FFmpegError.check(avformat_find_stream_info(pointer, perStream.base), "avformat_find_stream_info")
    }
}
