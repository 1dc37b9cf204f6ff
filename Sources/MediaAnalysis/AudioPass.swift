internal import CFFmpeg
import FootageModel

/// The audio half of a clip analysis: any codec and channel layout, resampled to mono float for
/// the onset detector.
struct AudioPass: DecodingPass {
    let streamIndex: Int32
    let decoder: Decoder
    private let resampler: Resampler
    private let frame: LibavFrame
    private let timeBase: AVRational
    private let sampleRate: Int
    private var samples: [Float] = []
    private(set) var firstMicroseconds: Int64?

    init(stream: UnsafeMutablePointer<AVStream>, path: String, sampleRate: Int) throws(AnalysisError) {
        streamIndex = stream.pointee.index
        decoder = try Decoder(stream: stream, path: path)
        resampler = Resampler(outputRate: sampleRate, path: path)
        frame = try LibavFrame(path: path)
        timeBase = stream.pointee.time_base
        self.sampleRate = sampleRate
    }

    mutating func finish() throws(AnalysisError) {
        try drainToEnd()
        try resampler.flush(appendingTo: &samples)
    }

    func endMs(originMicroseconds: Int64) -> Int64 {
        ((firstMicroseconds ?? originMicroseconds) - originMicroseconds) / 1000 + Int64(samples.count) * 1000 / Int64(sampleRate)
    }

    func result(originMicroseconds: Int64) -> AudioAnalysis {
        let offset = (firstMicroseconds ?? originMicroseconds) - originMicroseconds
        let events = OnsetDetector(sampleRate: sampleRate).detect(samples).map { onset in
            let us = offset + Int64(onset.sample) * 1_000_000 / Int64(sampleRate)
            return AudioEvent(onsetMs: us >= 0 ? us / 1000 : (us - 999) / 1000,
                              peakDBFS: (onset.peakDBFS * 10).rounded() / 10, strength: (onset.strength * 10).rounded() / 10)
        }
        return AudioAnalysis(streamIndex: Int(streamIndex), codec: decoder.codecName, analysisSampleRate: sampleRate, events: events)
    }

    mutating func drain() throws(AnalysisError) {
        while try decoder.receive(into: frame) == .ready {
            defer { av_frame_unref(frame.pointer) }
            if firstMicroseconds == nil, let pts = frame.presentationTimestamp {
                firstMicroseconds = microseconds(pts, timeBase)
            }
            try resampler.convert(frame, appendingTo: &samples)
        }
    }
}
