internal import CFFmpeg
#if canImport(Glibc)
internal import Glibc
#endif

/// Owns a decoder context opened for one stream of an input.
final class Decoder {
    let pointer: UnsafeMutablePointer<AVCodecContext>
    let path: String

    /// Options that trade display quality for speed, for analysis that works on small planes.
    struct Tuning {
        /// Decoder threads; 0 means one per core. (libavcodec's own choice, cores + 1, keeps
        /// a frame-threaded decoder's threads waiting on each other: on two cores it decodes
        /// H.264 about an eighth slower than two threads do.)
        var threads: Int = 0
        /// Skip the in-loop deblocking filter (H.264/HEVC): pictures are softer, timing unchanged.
        var skipLoopFilter = false
        /// Decode at 1/2^n size where the codec supports it.
        var lowResolution = 0
    }

    /// Opens a decoder for `stream` using its codec parameters.
    init(stream: UnsafeMutablePointer<AVStream>, path: String, tuning: Tuning = Tuning()) throws(AnalysisError) {
        self.path = path
        guard let parameters = stream.pointee.codecpar else {
            throw AnalysisError(.codec, path: path, detail: "stream \(stream.pointee.index) has no codec parameters")
        }
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            let name = String(cString: avcodec_get_name(parameters.pointee.codec_id))
            throw AnalysisError(.codec, path: path, detail: "no decoder for codec \(name) in stream \(stream.pointee.index)")
        }
        guard let context = avcodec_alloc_context3(codec) else {
            throw AnalysisError(.codec, path: path, detail: "avcodec_alloc_context3 failed", cause: "out of memory")
        }
        pointer = context
        try LibavStatus.check(avcodec_parameters_to_context(context, parameters), "avcodec_parameters_to_context", path: path)
        context.pointee.pkt_timebase = stream.pointee.time_base
        context.pointee.thread_count = Int32(tuning.threads > 0 ? tuning.threads : Self.coreCount)
        if tuning.skipLoopFilter { context.pointee.skip_loop_filter = AVDISCARD_ALL }
        if tuning.lowResolution > 0 {
            context.pointee.lowres = Int32(min(tuning.lowResolution, Int(codec.pointee.max_lowres)))
        }
        // Bound what a hostile stream can make the decoder allocate.
        av_opt_set_int(context, "max_pixels", 8192 * 8192, 0)
        try LibavStatus.check(avcodec_open2(context, codec, nil), "avcodec_open2", path: path)
    }

    /// Cores this process may run on.
    static let coreCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = pointer
        avcodec_free_context(&context)
    }

    var codecName: String { String(cString: avcodec_get_name(pointer.pointee.codec_id)) }

    /// Feeds one packet; `nil` starts draining.
    func send(_ packet: LibavPacket?) throws(AnalysisError) -> CodecStep {
        let status = avcodec_send_packet(pointer, packet?.pointer)
        if status == footage_averror_eagain() { return .needsInput }
        if status == footage_averror_eof() { return .endOfStream }
        // A damaged packet is skipped, as players do; the frames around it still decode.
        if status == LibavStatus.invalidData { return .ready }
        try LibavStatus.check(status, "avcodec_send_packet", path: path)
        return .ready
    }

    /// Takes the next decoded frame into `frame`.
    func receive(into frame: LibavFrame) throws(AnalysisError) -> CodecStep {
        let status = avcodec_receive_frame(pointer, frame.pointer)
        if status == footage_averror_eagain() { return .needsInput }
        if status == footage_averror_eof() { return .endOfStream }
        try LibavStatus.check(status, "avcodec_receive_frame", path: path)
        return .ready
    }

    /// Forgets buffered frames after a seek.
    func flush() {
        avcodec_flush_buffers(pointer)
    }
}
