internal import CFFmpeg
public import FootageModel

/// Measures a clip in one decoding pass: impulsive sounds in the audio, scene cuts and sampled
/// perceptual hashes in the video.
public enum ClipAnalyzer {
    public struct Options: Sendable, Hashable {
        /// Mono float rate the audio is resampled to before onset detection.
        public var audioSampleRate = 16000
        public var hashesPerSecond = 4
        /// Width of the luma plane cuts and hashes work on.
        public var planeWidth = 64
        /// Decoder threads for a video decoded in one stretch; 0 means one per core.
        public var threads = 0
        /// Decode a long MP4 video in stretches side by side, twice as many as cores (each frame
        /// still once); false decodes it in one stretch, as other containers always are.
        public var splitsVideo = true

        public init() {}
    }

    public static func analyze(path: String, options: Options = Options()) throws(AnalysisError) -> AnalysisReport {
        let input = try MediaInput(path: path)
        let videoStream = input.bestStream(AVMEDIA_TYPE_VIDEO)
        let audioStream = input.bestStream(AVMEDIA_TYPE_AUDIO)
        guard videoStream != nil || audioStream != nil else {
            throw AnalysisError(.noStream, path: path, detail: "no audio or video stream")
        }
        // A long video decodes in stretches on other threads while this one reads the audio.
        let split = options.splitsVideo ? videoStream.flatMap { VideoSplit.start(input, stream: $0, options: options) } : nil
        let passVideo = split == nil ? videoStream : nil
        input.keepOnly(Set([passVideo, audioStream].compactMap { $0?.pointee.index }))
        var video = try passVideo.map { stream throws(AnalysisError) in
            try VideoPass(stream: stream, path: path, options: options)
        }
        var audio = try audioStream.map { stream throws(AnalysisError) in
            try AudioPass(stream: stream, path: path, sampleRate: options.audioSampleRate)
        }
        let packet = try LibavPacket(path: path)
        while input.read(into: packet) {
            let index = packet.pointer.pointee.stream_index
            if index == video?.streamIndex {
                try video?.feed(packet)
            } else if index == audio?.streamIndex {
                try audio?.feed(packet)
            }
        }
        try video?.finish()
        try audio?.finish()
        var videoResult = video.map { (analysis: $0.analysis, report: $0.result()) }
        if let split, let stream = videoStream {
            videoResult = try splitResult(split, stream: stream, path: path, options: options)
        }
        // Player time 0 is the first presented video frame; an audio-only clip starts at its first sample.
        let originMicroseconds = videoResult?.analysis.firstMicroseconds ?? audio?.firstMicroseconds ?? 0
        let audioResult = audio.map { $0.result(originMicroseconds: originMicroseconds) }
        let duration = max(videoResult?.analysis.endMs ?? 0, audio?.endMs(originMicroseconds: originMicroseconds) ?? 0)
        return AnalysisReport(path: path, durationMs: duration, audio: audioResult, video: videoResult?.report)
    }

    /// The analysis of a video decoded in stretches, or, when a stretch could not stand in for
    /// one decode from the start, of the video decoded again in one stretch.
    private static func splitResult(_ split: VideoSplit, stream: UnsafeMutablePointer<AVStream>, path: String,
                                    options: Options) throws(AnalysisError) -> (analysis: VideoFrameAnalysis, report: VideoAnalysis) {
        guard let frames = split.frames() else {
            let input = try MediaInput(path: path, videoOnly: true)
            input.keepOnly([stream.pointee.index])
            guard let again = input.stream(at: stream.pointee.index) else {
                throw AnalysisError(.noStream, path: path, detail: "video stream \(stream.pointee.index) is gone on reopening")
            }
            var video = try VideoPass(stream: again, path: path, options: options)
            let packet = try LibavPacket(path: path)
            while input.read(into: packet) {
                if packet.pointer.pointee.stream_index == video.streamIndex { try video.feed(packet) }
            }
            try video.finish()
            return (video.analysis, video.result())
        }
        var analysis = VideoFrameAnalysis(timeBase: Rational(stream.pointee.time_base), hashesPerSecond: options.hashesPerSecond)
        for frame in frames { analysis.take(frame) }
        analysis.finish()
        let codec = String(cString: avcodec_get_name(stream.pointee.codecpar.pointee.codec_id))
        return (analysis, analysis.result(streamIndex: stream.pointee.index, codec: codec))
    }
}

/// Microseconds for a timestamp, for lining up streams with different time bases.
func microseconds(_ pts: Int64, _ timeBase: AVRational) -> Int64 {
    MediaTime(pts: pts, timeBase: Rational(timeBase)).rescaled(to: Rational(1, 1_000_000)).pts
}

extension Rational {
    /// A libav rational as the model's.
    init(_ value: AVRational) {
        self.init(Int64(value.num), Int64(value.den))
    }
}
