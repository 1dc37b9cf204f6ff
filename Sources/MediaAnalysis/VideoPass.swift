internal import CFFmpeg
import FootageModel

/// A decoded frame as the video analysis keeps it: its time and a small luma plane.
struct LumaFrame: Sendable {
    var pts: Int64
    /// How long the frame is shown, as the decoder reports it (0 when unknown).
    var duration: Int64
    var plane: LumaPlane
}

/// Scene cuts and sampled perceptual hashes over a clip's frames, taken in presentation order.
struct VideoFrameAnalysis {
    private let timeBase: Rational
    private let hashInterval: Int64
    private let hashesPerSecond: Int
    private var scorer = SceneCutScorer()
    private(set) var firstPTS: Int64?
    private var previous: (frame: LumaFrame, hash: UInt64?)?
    private var nextHashMs: Int64 = 0
    private var cuts: [SceneCut] = []
    private var hashes: [FrameHash] = []
    private var frameCount = 0

    init(timeBase: Rational, hashesPerSecond: Int) {
        self.timeBase = timeBase
        self.hashesPerSecond = max(1, hashesPerSecond)
        hashInterval = 1000 / Int64(self.hashesPerSecond)
    }

    var firstMicroseconds: Int64? {
        firstPTS.map { MediaTime(pts: $0, timeBase: timeBase).rescaled(to: Rational(1, 1_000_000)).pts }
    }

    var endMs: Int64 {
        guard let previous else { return 0 }
        return playerMs(previous.frame.pts + previous.frame.duration)
    }

    mutating func take(_ frame: LumaFrame) {
        if firstPTS == nil { firstPTS = frame.pts }
        frameCount += 1
        // Every hash slot before this frame's time shows the previous frame.
        if var earlier = previous {
            while targetPTS(nextHashMs) < frame.pts { recordHash(for: &earlier) }
        }
        if let decision = scorer.add(frame.plane), decision.isCut {
            cuts.append(SceneCut(time: MediaTime(pts: frame.pts, timeBase: timeBase), playerMs: playerMs(frame.pts),
                                 score: decision.score))
        }
        previous = (frame, nil)
        if targetPTS(nextHashMs) == frame.pts, var current = previous {
            recordHash(for: &current)
            previous = current
        }
    }

    /// After the last frame: slots up to the end of its display show it.
    mutating func finish() {
        guard var last = previous else { return }
        while targetPTS(nextHashMs) < last.frame.pts + max(1, last.frame.duration) {
            recordHash(for: &last)
        }
        previous = last
    }

    func result(streamIndex: Int32, codec: String) -> VideoAnalysis {
        VideoAnalysis(streamIndex: Int(streamIndex), codec: codec, timeBase: timeBase,
                      frameCount: frameCount, cuts: cuts, hashesPerSecond: hashesPerSecond, hashes: hashes)
    }

    private mutating func recordHash(for frame: inout (frame: LumaFrame, hash: UInt64?)) {
        let value = frame.hash ?? PerceptualHash.hash(frame.frame.plane)
        frame.hash = value
        hashes.append(FrameHash(time: MediaTime(pts: frame.frame.pts, timeBase: timeBase), playerMs: nextHashMs, hash: value))
        nextHashMs += hashInterval
    }

    private func targetPTS(_ ms: Int64) -> Int64 {
        (firstPTS ?? 0) + ms * timeBase.denominator / (1000 * timeBase.numerator)
    }

    private func playerMs(_ pts: Int64) -> Int64 {
        (pts - (firstPTS ?? pts)) * 1000 * timeBase.numerator / timeBase.denominator
    }
}

/// The video half of a clip analysis in one stretch: decodes every frame once (no loop filter,
/// lower resolution where the codec offers it) into small luma planes for cuts and hashes.
struct VideoPass: DecodingPass {
    let streamIndex: Int32
    let decoder: Decoder
    private let sampler: LumaSampler
    private var frame: LibavFrame
    private(set) var analysis: VideoFrameAnalysis

    init(stream: UnsafeMutablePointer<AVStream>, path: String, options: ClipAnalyzer.Options) throws(AnalysisError) {
        streamIndex = stream.pointee.index
        decoder = try Decoder(stream: stream, path: path, tuning: Self.tuning(for: stream, threads: options.threads))
        sampler = LumaSampler(width: options.planeWidth, path: path)
        analysis = VideoFrameAnalysis(timeBase: Rational(stream.pointee.time_base), hashesPerSecond: options.hashesPerSecond)
        frame = try LibavFrame(path: path)
    }

    /// Analysis needs no display-quality picture: no in-loop filter, and half size where the
    /// codec can decode at a lower resolution and the picture is large.
    static func tuning(for stream: UnsafeMutablePointer<AVStream>, threads: Int) -> Decoder.Tuning {
        let wide = (stream.pointee.codecpar?.pointee.width ?? 0) >= 1280
        return Decoder.Tuning(threads: threads, skipLoopFilter: true, lowResolution: wide ? 1 : 0)
    }

    func result() -> VideoAnalysis {
        analysis.result(streamIndex: streamIndex, codec: decoder.codecName)
    }

    mutating func finish() throws(AnalysisError) {
        try drainToEnd()
        analysis.finish()
    }

    mutating func drain() throws(AnalysisError) {
        while try decoder.receive(into: frame) == .ready {
            defer { av_frame_unref(frame.pointer) }
            guard let pts = frame.presentationTimestamp else { continue }
            analysis.take(LumaFrame(pts: pts, duration: frame.pointer.pointee.pkt_duration, plane: try sampler.plane(of: frame)))
        }
    }
}
