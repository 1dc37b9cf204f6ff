internal import CFFmpeg
import FootageModel

/// The video half of a clip analysis: decodes every frame once (no loop filter, lower
/// resolution where the codec offers it) into small luma planes for cuts and hashes.
struct VideoPass {
    let streamIndex: Int32
    private let decoder: Decoder
    private let sampler: LumaSampler
    private let timeBase: Rational
    private let hashInterval: Int64
    private let hashesPerSecond: Int
    private var frame: LibavFrame
    private var scorer = SceneCutScorer()
    private(set) var firstPTS: Int64?
    private var previous: (pts: Int64, duration: Int64, plane: LumaPlane, hash: UInt64?)?
    private var nextHashMs: Int64 = 0
    private var cuts: [SceneCut] = []
    private var hashes: [FrameHash] = []
    private var frameCount = 0

    init(stream: UnsafeMutablePointer<AVStream>, path: String, options: ClipAnalyzer.Options) throws(AnalysisError) {
        streamIndex = stream.pointee.index
        let wide = (stream.pointee.codecpar?.pointee.width ?? 0) >= 1280
        decoder = try Decoder(stream: stream, path: path, tuning: Decoder.Tuning(
            threads: options.threads, skipLoopFilter: true, lowResolution: wide ? 1 : 0))
        sampler = LumaSampler(width: options.planeWidth, path: path)
        timeBase = Rational(Int64(stream.pointee.time_base.num), Int64(stream.pointee.time_base.den))
        hashesPerSecond = max(1, options.hashesPerSecond)
        hashInterval = 1000 / Int64(hashesPerSecond)
        frame = try LibavFrame(path: path)
    }

    var firstMicroseconds: Int64? {
        firstPTS.map { microseconds($0, AVRational(num: Int32(timeBase.numerator), den: Int32(timeBase.denominator))) }
    }

    var endMs: Int64 {
        guard let previous else { return 0 }
        return playerMs(previous.pts + previous.duration)
    }

    mutating func feed(_ packet: LibavPacket) throws(AnalysisError) {
        _ = try decoder.send(packet)
        try drain()
    }

    mutating func finish() throws(AnalysisError) {
        _ = try decoder.send(nil)
        try drain()
        // Slots up to the end of the last frame's display show the last frame.
        guard var last = previous else { return }
        while targetPTS(nextHashMs) < last.pts + max(1, last.duration) {
            recordHash(for: &last)
        }
        previous = last
    }

    func result() -> VideoAnalysis {
        VideoAnalysis(streamIndex: Int(streamIndex), codec: decoder.codecName, timeBase: timeBase,
                      frameCount: frameCount, cuts: cuts, hashesPerSecond: hashesPerSecond, hashes: hashes)
    }

    private mutating func drain() throws(AnalysisError) {
        while try decoder.receive(into: frame) == .ready {
            defer { av_frame_unref(frame.pointer) }
            guard let pts = frame.presentationTimestamp else { continue }
            if firstPTS == nil { firstPTS = pts }
            try take(pts: pts, duration: frame.pointer.pointee.pkt_duration)
        }
    }

    private mutating func take(pts: Int64, duration: Int64) throws(AnalysisError) {
        let plane = try sampler.plane(of: frame)
        frameCount += 1
        // Every hash slot before this frame's time shows the previous frame.
        if var earlier = previous {
            while targetPTS(nextHashMs) < pts { recordHash(for: &earlier) }
        }
        if let decision = scorer.add(plane), decision.isCut {
            cuts.append(SceneCut(time: MediaTime(pts: pts, timeBase: timeBase), playerMs: playerMs(pts), score: decision.score))
        }
        previous = (pts, duration, plane, nil)
        if targetPTS(nextHashMs) == pts, var current = previous {
            recordHash(for: &current)
            previous = current
        }
    }

    private mutating func recordHash(for frame: inout (pts: Int64, duration: Int64, plane: LumaPlane, hash: UInt64?)) {
        let value = frame.hash ?? PerceptualHash.hash(frame.plane)
        frame.hash = value
        hashes.append(FrameHash(time: MediaTime(pts: frame.pts, timeBase: timeBase), playerMs: nextHashMs, hash: value))
        nextHashMs += hashInterval
    }

    private func targetPTS(_ ms: Int64) -> Int64 {
        (firstPTS ?? 0) + ms * timeBase.denominator / (1000 * timeBase.numerator)
    }

    private func playerMs(_ pts: Int64) -> Int64 {
        (pts - (firstPTS ?? pts)) * 1000 * timeBase.numerator / timeBase.denominator
    }
}
