public import FootageModel

/// Which frames of a clip to take, in player milliseconds.
public enum FrameSelection: Sendable, Hashable {
    /// The frame on screen at each time.
    case at([Int64])
    /// The keyframe at or before each time (fast thumbnails, not the exact frame).
    case keyframeAtOrBefore([Int64])
    /// The frame on screen every `step` milliseconds from 0 to the last frame.
    case every(Int64)
    /// The keyframe at or before every `step` milliseconds from 0 to the last frame.
    case keyframeEvery(Int64)
    /// Every keyframe from player time 0 on.
    case keyframes
    /// Every frame presented within `halfWidthMs` of `centreMs`.
    case around(centreMs: Int64, halfWidthMs: Int64)

    /// The selection in words, stable for a given request (used to name stored sheets).
    public var summary: String {
        switch self {
        case let .at(times): "at " + times.map { "\($0)ms" }.joined(separator: ",")
        case let .keyframeAtOrBefore(times): "keyframes at or before " + times.map { "\($0)ms" }.joined(separator: ",")
        case let .every(step): "every \(step)ms"
        case let .keyframeEvery(step): "keyframes at or before every \(step)ms"
        case .keyframes: "keyframes"
        case let .around(centre, half): "around \(centre)ms within \(half)ms"
        }
    }
}

/// A frame taken for a selection, with the player time it was asked for.
public struct TakenFrame: Sendable, Hashable {
    public var requestedMs: Int64
    public var frame: GrabbedFrame

    public init(requestedMs: Int64, frame: GrabbedFrame) {
        self.requestedMs = requestedMs
        self.frame = frame
    }
}

extension FrameGrabber {
    /// The player times a list-of-times selection asks for (`every` needs the clip's last frame).
    public func requestedTimes(_ selection: FrameSelection) throws(AnalysisError) -> [Int64]? {
        switch selection {
        case let .at(times), let .keyframeAtOrBefore(times): return times
        case let .every(step), let .keyframeEvery(step):
            return Array(stride(from: Int64(0), through: try lastFramePlayerMs(), by: Int(max(1, step))))
        case .keyframes, .around: return nil
        }
    }

    /// Every frame the selection asks for, in the order asked.
    public func take(_ selection: FrameSelection) throws(AnalysisError) -> [TakenFrame] {
        try withSettledOrigin { () throws(AnalysisError) -> [TakenFrame] in try takeOnce(selection) }
    }

    private func takeOnce(_ selection: FrameSelection) throws(AnalysisError) -> [TakenFrame] {
        switch selection {
        case .keyframeAtOrBefore, .keyframeEvery:
            let times = try requestedTimes(selection) ?? []
            var taken: [TakenFrame] = []
            for ms in times { taken.append(TakenFrame(requestedMs: ms, frame: try keyframe(atOrBeforePlayerMs: ms))) }
            return taken
        case .at, .every:
            let times = try requestedTimes(selection) ?? []
            return zip(times, try frames(atPlayerMs: times)).map { TakenFrame(requestedMs: $0, frame: $1) }
        case .keyframes:
            var taken: [TakenFrame] = []
            for pts in try keyframePTS() {
                let frame = try frame(atPTS: pts)
                taken.append(TakenFrame(requestedMs: frame.playerMs, frame: frame))
            }
            return taken
        case let .around(centre, half):
            return try frames(fromPlayerMs: centre - half, throughPlayerMs: centre + half)
                .map { TakenFrame(requestedMs: $0.playerMs, frame: $0) }
        }
    }

    /// The record `footage frames --json` lists for a taken frame.
    public func record(of taken: TakenFrame, file: String? = nil) throws(AnalysisError) -> FrameRecord {
        let frame = taken.frame
        return FrameRecord(
            requestedMs: taken.requestedMs, pts: frame.time.pts, timeBase: frame.time.timeBase,
            playerMs: frame.playerMs, seconds: Double(frame.playerMs) / 1000, index: try frameIndex(of: frame),
            isKeyframe: frame.isKeyframe, pictureType: frame.pictureType, rgbSHA256: frame.rgbSHA256 ?? "", file: file)
    }
}
