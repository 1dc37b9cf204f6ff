public import Catalogue
import FootageModel
public import MediaAnalysis

/// Frames and contact sheets of registered clips, kept as derived files: a frame asked for again
/// (same clip, time or timestamp, kind, format and drawing) is read from the vault instead of
/// being decoded; a new one is grabbed, encoded and stored once with a `derived` custody event.
public struct ClipFrameService: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// The frame on screen at player time `ms`.
    public func frame(clipID: Int64, atPlayerMs ms: Int64,
                      rendering: FrameRendering = FrameRendering()) throws(CaseworkError) -> StoredFrameFile {
        let found = try frames(clipID: clipID, selection: .at([ms]), rendering: rendering)
        guard let first = found.first else {
            throw .analysis(AnalysisError(.outOfRange, path: "clip #\(clipID)", detail: "no frame at \(ms) ms"))
        }
        return first
    }

    /// One stored image per frame the selection asks for, in the order asked.
    public func frames(clipID: Int64, selection: FrameSelection,
                       rendering: FrameRendering = FrameRendering()) throws(CaseworkError) -> [StoredFrameFile] {
        let session = try FrameSession(catalogue: catalogue, clipID: clipID, rendering: rendering)
        switch selection {
        case let .at(times):
            return try session.byTime(times, nearestKeyframe: false)
        case let .keyframeAtOrBefore(times):
            return try session.byTime(times, nearestKeyframe: true)
        case .every:
            return try session.byTime(try session.requestedTimes(selection), nearestKeyframe: false)
        case .keyframeEvery:
            return try session.byTime(try session.requestedTimes(selection), nearestKeyframe: true)
        case .keyframes:
            return try session.byTimestamp(try session.withGrabber { grabber throws(AnalysisError) in try grabber.keyframePTS() })
        case .around:
            let taken = try session.withGrabber { grabber throws(AnalysisError) in try grabber.take(selection) }
            var files: [StoredFrameFile] = []
            for frame in taken {
                let key = session.key(request: "pts \(frame.frame.time.pts)")
                if let stored = try session.stored(key) {
                    files.append(stored)
                } else {
                    files.append(try session.store(frame, key: key))
                }
            }
            return files
        }
    }

    /// One contact sheet of the frames the selection asks for, each with its time under it.
    public func sheet(clipID: Int64, selection: FrameSelection,
                      rendering: FrameRendering = FrameRendering(width: 320)) throws(CaseworkError) -> StoredFrameFile {
        let session = try FrameSession(catalogue: catalogue, clipID: clipID, rendering: rendering)
        let key = session.key(request: selection.summary, kind: "sheet")
        if let stored = try session.stored(key) { return stored }
        return try session.storeSheet(selection, key: key)
    }
}
