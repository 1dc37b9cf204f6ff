internal import CFFmpeg

/// Owns a libswresample context that turns any decoded audio (any sample format, any channel
/// layout) into mono 32-bit float at one rate. Rebuilt if the input layout or rate changes.
final class Resampler {
    private var context: OpaquePointer?
    private var inputKey: (rate: Int32, format: Int32, channels: Int32) = (0, -1, 0)
    let outputRate: Int
    let path: String

    init(outputRate: Int, path: String) {
        self.outputRate = outputRate
        self.path = path
    }

    deinit {
        swr_free(&context)
    }

    /// Appends the frame's samples, converted, to `output`.
    func convert(_ frame: LibavFrame, appendingTo output: inout [Float]) throws(AnalysisError) {
        let input = frame.pointer
        let key = (input.pointee.sample_rate, input.pointee.format, input.pointee.ch_layout.nb_channels)
        if context == nil || key != inputKey {
            try flush(appendingTo: &output)
            try rebuild(for: input)
            inputKey = key
        }
        guard let planes = input.pointee.extended_data else {
            throw AnalysisError(.codec, path: path, detail: "decoded audio frame has no sample planes")
        }
        try run(planes.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 1) { $0 },
                count: input.pointee.nb_samples, appendingTo: &output)
    }

    /// Appends what the resampler still holds (its filter delay) to `output`.
    func flush(appendingTo output: inout [Float]) throws(AnalysisError) {
        guard context != nil else { return }
        try run(nil, count: 0, appendingTo: &output)
    }

    private func run(_ source: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int32,
                     appendingTo output: inout [Float]) throws(AnalysisError) {
        let capacity = Int(swr_get_out_samples(context, count)) + 32
        var chunk = [Float](repeating: 0, count: capacity)
        let converted = chunk.withUnsafeMutableBytes { raw -> Int32 in
            var target = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
            return swr_convert(context, &target, Int32(capacity), source, count)
        }
        try LibavStatus.check(converted, "swr_convert", path: path)
        output.append(contentsOf: chunk.prefix(Int(converted)))
    }

    private func rebuild(for frame: UnsafeMutablePointer<AVFrame>) throws(AnalysisError) {
        swr_free(&context)
        var mono = AVChannelLayout()
        av_channel_layout_default(&mono, 1)
        defer { av_channel_layout_uninit(&mono) }
        var inputLayout = AVChannelLayout()
        defer { av_channel_layout_uninit(&inputLayout) }
        if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || av_channel_layout_check(&frame.pointee.ch_layout) == 0 {
            av_channel_layout_default(&inputLayout, max(1, frame.pointee.ch_layout.nb_channels))
        } else {
            try LibavStatus.check(av_channel_layout_copy(&inputLayout, &frame.pointee.ch_layout), "av_channel_layout_copy", path: path)
        }
        try LibavStatus.check(
            swr_alloc_set_opts2(&context, &mono, AV_SAMPLE_FMT_FLT, Int32(outputRate),
                                &inputLayout, AVSampleFormat(rawValue: frame.pointee.format), frame.pointee.sample_rate, 0, nil),
            "swr_alloc_set_opts2", path: path)
        try LibavStatus.check(swr_init(context), "swr_init", path: path)
    }
}
