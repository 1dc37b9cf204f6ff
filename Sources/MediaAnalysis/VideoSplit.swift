internal import CFFmpeg
import Dispatch
import FootageModel
import Foundation
import Synchronization

/// A long video stream decoded in stretches side by side, twice as many as cores, each from an indexed
/// keyframe with its own input and a one-thread decoder; every frame is still decoded once (a
/// stretch also decodes the next stretch's first keyframe, and any pictures shown before it).
/// Independent decoders keep both cores busy where a frame-threaded decoder waits on the frames
/// it refers to.
///
/// A stretch keeps the frames presented from its keyframe up to the next stretch's keyframe.
/// Whatever a stretch decodes must be what one decode from the start gives: it must begin at its
/// keyframe, in presentation order and undamaged; otherwise `frames()` answers `nil` and the
/// caller decodes in one stretch.
final class VideoSplit: Sendable {
    /// Where a stretch starts and ends, as the decode timestamps of indexed keyframes; `nil`
    /// for the start of the input and the end of the stream.
    struct Stretch: Sendable, Hashable {
        var start: Int64?
        var end: Int64?
    }

    private let outcomes: Mutex<[Result<[LumaFrame]?, AnalysisError>?]>
    private let finished = DispatchGroup()

    /// Starts decoding `stream` of `input` in stretches, or returns `nil` when it is better
    /// decoded in one: a container whose index is not complete on opening, one core, a stream
    /// too short to split, or one so long that its frames' planes would not fit the budget.
    static func start(_ input: MediaInput, stream: UnsafeMutablePointer<AVStream>, options: ClipAnalyzer.Options) -> VideoSplit? {
        guard Decoder.coreCount > 1, let name = input.pointer.pointee.iformat?.pointee.name,
              String(cString: name) == indexedOnOpen,
              fitsBudget(stream, planeWidth: options.planeWidth),
              let stretches = plan(stream, parts: 2 * Decoder.coreCount) else { return nil }
        return VideoSplit(path: input.path, streamIndex: stream.pointee.index, stretches: stretches,
                          planeWidth: options.planeWidth)
    }

    /// MP4 and QuickTime list every sample, with its keyframe flag, when the file opens.
    private static let indexedOnOpen = "mov,mp4,m4a,3gp,3g2,mj2"

    /// Fewer frames than this are decoded in one stretch: opening an input per stretch costs
    /// more than it saves.
    static let minimumFrames = 240

    /// The stretches keep every frame's luma plane until the analysis reads them in order
    /// (one decode in one stretch keeps one): a longer stream is decoded in one stretch.
    static let planeBudgetBytes = 128 << 20

    static func fitsBudget(_ stream: UnsafeMutablePointer<AVStream>, planeWidth: Int, budget: Int = planeBudgetBytes) -> Bool {
        guard let parameters = stream.pointee.codecpar?.pointee, parameters.width > 0 else { return false }
        let planeHeight = max(8, (Int(parameters.height) * planeWidth + Int(parameters.width) / 2) / Int(parameters.width))
        let perFrame = planeWidth * planeHeight + MemoryLayout<LumaFrame>.stride
        return Int(avformat_index_get_entries_count(stream)) * perFrame <= budget
    }

    /// Stretches of about equal frame counts, cut at the indexed keyframes nearest the equal
    /// shares; `nil` when there is no such keyframe after the first frame.
    static func plan(_ stream: UnsafeMutablePointer<AVStream>, parts: Int) -> [Stretch]? {
        let count = Int(avformat_index_get_entries_count(stream))
        guard parts > 1, count >= minimumFrames else { return nil }
        var keyframes: [(position: Int, dts: Int64)] = []
        for position in 1..<count {
            guard let entry = avformat_index_get_entry(stream, Int32(position))?.pointee,
                  entry.flags & AVINDEX_KEYFRAME != 0, entry.flags & AVINDEX_DISCARD_FRAME == 0 else { continue }
            keyframes.append((position, entry.timestamp))
        }
        var cuts: [Int64] = []
        for part in 1..<parts {
            let share = count * part / parts
            guard let nearest = keyframes.min(by: { abs($0.position - share) < abs($1.position - share) }),
                  cuts.last.map({ $0 < nearest.dts }) ?? true else { continue }
            cuts.append(nearest.dts)
        }
        guard !cuts.isEmpty else { return nil }
        let starts: [Int64?] = [nil] + cuts
        let ends: [Int64?] = cuts + [nil]
        return zip(starts, ends).map { Stretch(start: $0, end: $1) }
    }

    private init(path: String, streamIndex: Int32, stretches: [Stretch], planeWidth: Int) {
        outcomes = Mutex([Result<[LumaFrame]?, AnalysisError>?](repeating: nil, count: stretches.count))
        // A thread per stretch, more stretches than cores: the scheduler shares the cores out
        // among them, so they finish close together even where keyframes are far apart.
        for (index, stretch) in stretches.enumerated() {
            finished.enter()
            Thread.detachNewThread { [self] in
                let outcome = Result { () throws(AnalysisError) -> [LumaFrame]? in
                    try Self.decode(stretch, path: path, streamIndex: streamIndex, planeWidth: planeWidth)
                }
                outcomes.withLock { $0[index] = outcome }
                finished.leave()
            }
        }
    }

    /// Every stretch's frames, in presentation order, once all are decoded; `nil` when a
    /// stretch could not stand in for the same stretch of one decode from the start, or failed
    /// (one decode from the start then either succeeds or reports the failure itself).
    func frames() -> [LumaFrame]? {
        finished.wait()
        var frames: [LumaFrame] = []
        for outcome in outcomes.withLock({ $0 }) {
            guard case let .success(found)? = outcome, let part = found else { return nil }
            if let last = frames.last, let first = part.first, first.pts <= last.pts { return nil }
            frames += part
        }
        return frames
    }

    /// Decodes one stretch; `nil` when what it gives may differ from one decode from the start.
    private static func decode(_ stretch: Stretch, path: String, streamIndex: Int32, planeWidth: Int) throws(AnalysisError) -> [LumaFrame]? {
        let input = try MediaInput(path: path, videoOnly: true)
        guard let stream = input.stream(at: streamIndex) else { return nil }
        input.keepOnly([streamIndex])
        let decoder = try Decoder(stream: stream, path: path, tuning: VideoPass.tuning(for: stream, threads: 1))
        let sampler = LumaSampler(width: planeWidth, path: path)
        let packet = try LibavPacket(path: path)
        let frame = try LibavFrame(path: path)
        if let start = stretch.start, av_seek_frame(input.pointer, streamIndex, start, AVSEEK_FLAG_BACKWARD) < 0 {
            return nil
        }
        // Presentation times of the keyframes the stretch starts and ends at, read off their packets.
        var startPTS: Int64?
        var endPTS: Int64?
        var sentAny = false
        var frames: [LumaFrame] = []
        while true {
            let more = input.read(into: packet)
            if more {
                let fields = packet.pointer.pointee
                guard fields.stream_index == streamIndex else { continue }
                let keyframePTS = fields.flags & AV_PKT_FLAG_KEY != 0 && fields.pts != footage_nopts_value() ? fields.pts : nil
                if let start = stretch.start, !sentAny {
                    // The MP4 demuxer takes a seek target for a presentation time and lands on
                    // the keyframe before it; packets before the stretch's keyframe are passed
                    // over unread by the decoder, which starts afresh there.
                    if fields.dts != footage_nopts_value(), fields.dts < start { continue }
                    guard fields.dts == start, let keyframePTS else { return nil }
                    startPTS = keyframePTS
                }
                if let end = stretch.end, endPTS == nil, fields.dts == end {
                    guard let keyframePTS else { return nil }
                    endPTS = keyframePTS
                }
                sentAny = true
                _ = try decoder.send(packet)
            } else {
                _ = try decoder.send(nil)
            }
            while try decoder.receive(into: frame) == .ready {
                defer { av_frame_unref(frame.pointer) }
                guard let pts = frame.presentationTimestamp else { continue }
                // Pictures shown before the starting keyframe belong to the stretch before.
                if let startPTS, pts < startPTS { continue }
                if let endPTS, pts >= endPTS { return frames }
                if stretch.start != nil, frame.isCorrupt { return nil }
                if frames.isEmpty, let startPTS, pts != startPTS { return nil }
                if let last = frames.last, pts <= last.pts { return nil }
                frames.append(LumaFrame(pts: pts, duration: frame.pointer.pointee.pkt_duration, plane: try sampler.plane(of: frame)))
            }
            if !more { break }
        }
        // The stream ended before the next stretch's keyframe was shown: the index misled.
        return stretch.end == nil ? frames : nil
    }
}
