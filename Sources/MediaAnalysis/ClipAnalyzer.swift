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
        /// Decoder threads; 0 lets libavcodec choose.
        public var threads = 0

        public init() {}
    }

    public static func analyze(path: String, options: Options = Options()) throws(AnalysisError) -> AnalysisReport {
        let input = try MediaInput(path: path)
        let videoStream = input.bestStream(AVMEDIA_TYPE_VIDEO)
        let audioStream = input.bestStream(AVMEDIA_TYPE_AUDIO)
        guard videoStream != nil || audioStream != nil else {
            throw AnalysisError(.noStream, path: path, detail: "no audio or video stream")
        }
        input.keepOnly(Set([videoStream, audioStream].compactMap { $0?.pointee.index }))
        var video = try videoStream.map { stream throws(AnalysisError) in
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
        // Player time 0 is the first presented video frame; an audio-only clip starts at its first sample.
        let originMicroseconds = video?.firstMicroseconds ?? audio?.firstMicroseconds ?? 0
        let audioResult = audio.map { $0.result(originMicroseconds: originMicroseconds) }
        let videoResult = video?.result()
        let duration = max(video?.endMs ?? 0, audio?.endMs(originMicroseconds: originMicroseconds) ?? 0)
        return AnalysisReport(path: path, durationMs: duration, audio: audioResult, video: videoResult)
    }
}

/// Microseconds for a timestamp, for lining up streams with different time bases.
func microseconds(_ pts: Int64, _ timeBase: AVRational) -> Int64 {
    MediaTime(pts: pts, timeBase: Rational(Int64(timeBase.num), Int64(timeBase.den)))
        .rescaled(to: Rational(1, 1_000_000)).pts
}
