internal import CFFmpeg
import FootageModel

/// Decodes every audio, video and subtitle stream from the start, listing each frame (and each
/// subtitle) as ffprobe's `-show_frames` does.
enum FrameScan {
    /// What one receive from a decoder gave: a frame, or a state of the loop (not an error).
    enum Step { case frame, needsInput, endOfStream }

    static func run(_ format: FormatContext, path: String, limits: ProbeLimits) throws(ProbeError) -> [FrameListingEntry] {
        let decoders = try openDecoders(format, path: path, limits: limits)
        let entries: [FrameListingEntry]
        do {
            entries = try decode(format, decoders: decoders, limits: limits)
        } catch {
            throw ProbeError(reason: error.isPOSIX(ENOMEM) ? .limitExceeded : .corrupt, path: path, failure: error)
        }
        try checkBuffers(decoders, format: format, path: path)
        return entries
    }

    /// A frame lost because a buffer could not be allocated is the worker's memory ceiling
    /// speaking, not the file: a listing without it would pass for the file's content, so the
    /// listing fails instead and names the stream and the picture size.
    private static func checkBuffers(_ decoders: [DecoderContext?], format: FormatContext, path: String) throws(ProbeError) {
        for (index, decoder) in decoders.enumerated() {
            guard let decoder, decoder.bufferAllocationFailures > 0 else { continue }
            let context = decoder.pointer.pointee
            let what = context.codec_type == AVMEDIA_TYPE_VIDEO ? "a \(context.width)x\(context.height) picture" : "decoded samples"
            throw ProbeError(reason: .limitExceeded, path: path,
                             message: "out of memory decoding \(path): stream \(index) could not allocate a buffer for \(what) \(decoder.bufferAllocationFailures) time(s) under the probe's memory limit, so the frame listing would be incomplete")
        }
    }

    /// One decoder per audio, video and subtitle stream. A picture over the pixel limit is refused
    /// with an error; a stream libavcodec cannot decode is left out, as ffprobe leaves it out.
    private static func openDecoders(_ format: FormatContext, path: String, limits: ProbeLimits) throws(ProbeError) -> [DecoderContext?] {
        var decoders: [DecoderContext?] = []
        for index in 0..<format.streamCount {
            guard let stream = format.stream(at: index), let parameters = stream.pointee.codecpar?.pointee,
                  [AVMEDIA_TYPE_VIDEO, AVMEDIA_TYPE_AUDIO, AVMEDIA_TYPE_SUBTITLE].contains(parameters.codec_type) else {
                decoders.append(nil)
                continue
            }
            let pixels = Int64(parameters.width) * Int64(parameters.height)
            if pixels > limits.maxPixels {
                throw ProbeError(reason: .limitExceeded, path: path,
                                 message: "picture too large in \(path): stream \(index) is \(parameters.width)x\(parameters.height), over the limit of \(limits.maxPixels) pixels")
            }
            decoders.append(try? DecoderContext(stream: stream, maxPixels: limits.maxPixels))
        }
        return decoders
    }

    private static func decode(_ format: FormatContext, decoders: [DecoderContext?], limits: ProbeLimits) throws(FFmpegError) -> [FrameListingEntry] {
        let timeBases = (0..<format.streamCount).map { format.stream(at: $0)?.pointee.time_base ?? AVRational(num: 0, den: 1) }
        let types = (0..<format.streamCount).map { index in
            format.stream(at: index)?.pointee.codecpar.flatMap { FFprobeText.string(av_get_media_type_string($0.pointee.codec_type)) }
        }
        let packet = try PacketBuffer()
        let frame = try FrameBuffer()
        var entries: [FrameListingEntry] = []

        func drain(_ index: Int) throws(FFmpegError) {
            guard let decoder = decoders[index] else { return }
            while entries.count < limits.maxFrames, try receive(decoder, frame) == .frame {
                entries.append(entry(frame.pointer.pointee, stream: index, type: types[index], timeBase: timeBases[index]))
                av_frame_unref(frame.pointer)
            }
        }

        while entries.count < limits.maxFrames {
            // A read error ends the listing where it is, as ffprobe lists what it could read.
            guard (try? packet.read(from: format)) == true else { break }
            let index = Int(packet.pointer.pointee.stream_index)
            guard index < decoders.count, let decoder = decoders[index] else { continue }
            if decoder.pointer.pointee.codec_type == AVMEDIA_TYPE_SUBTITLE {
                if let subtitle = DecodedSubtitle(decoder: decoder, packet: packet) { entries.append(subtitle.entry) }
                continue
            }
            var sent = false
            while !sent {
                let status = avcodec_send_packet(decoder.pointer, packet.pointer)
                if status == footage_averror_eagain() {
                    try drain(index)
                } else if status == footage_averror(ENOMEM) {
                    throw FFmpegError(function: "avcodec_send_packet", code: status)
                } else {
                    // A damaged packet is skipped, as ffprobe does; the listing shows what decoded.
                    sent = true
                }
            }
            try drain(index)
        }
        for index in decoders.indices {
            guard let decoder = decoders[index], decoder.pointer.pointee.codec_type != AVMEDIA_TYPE_SUBTITLE else { continue }
            _ = avcodec_send_packet(decoder.pointer, nil)
            try drain(index)
        }
        return entries
    }

    private static func receive(_ decoder: DecoderContext, _ frame: FrameBuffer) throws(FFmpegError) -> Step {
        let status = avcodec_receive_frame(decoder.pointer, frame.pointer)
        if status == footage_averror_eagain() { return .needsInput }
        if status == footage_averror_eof() { return .endOfStream }
        if status == footage_averror(ENOMEM) { throw FFmpegError(function: "avcodec_receive_frame", code: status) }
        // A decoding error on one frame ends this drain; the next packet continues.
        if status < 0 { return .needsInput }
        return .frame
    }

    private static func entry(_ frame: AVFrame, stream index: Int, type: String?, timeBase: AVRational) -> FrameListingEntry {
        let isVideo = type == "video"
        var result = FrameListingEntry(mediaType: type, streamIndex: index,
                                       keyFrame: Int(frame.key_frame))
        result.pts = FFprobeText.timestamp(frame.pts)
        result.ptsTime = FFprobeText.time(frame.pts, timeBase)
        result.pktDts = FFprobeText.timestamp(frame.pkt_dts)
        result.pktDtsTime = FFprobeText.time(frame.pkt_dts, timeBase)
        result.bestEffortTimestamp = FFprobeText.timestamp(frame.best_effort_timestamp)
        result.bestEffortTimestampTime = FFprobeText.time(frame.best_effort_timestamp, timeBase)
        result.pktDuration = frame.pkt_duration == 0 ? nil : frame.pkt_duration
        result.pktDurationTime = FFprobeText.durationTime(frame.pkt_duration, timeBase)
        result.pktPos = frame.pkt_pos != -1 ? String(frame.pkt_pos) : nil
        result.pktSize = frame.pkt_size != -1 ? String(frame.pkt_size) : nil
        if isVideo {
            result.width = Int(frame.width)
            result.height = Int(frame.height)
            result.pixFmt = FFprobeText.string(av_get_pix_fmt_name(AVPixelFormat(frame.format)))
            result.pictType = String(UnicodeScalar(UInt8(bitPattern: av_get_picture_type_char(frame.pict_type))))
        } else {
            result.sampleFmt = FFprobeText.string(av_get_sample_fmt_name(AVSampleFormat(frame.format)))
            result.nbSamples = Int(frame.nb_samples)
            result.channels = Int(frame.ch_layout.nb_channels)
            result.channelLayout = FFprobeText.channelLayout(frame.ch_layout)
        }
        return result
    }
}
