import Catalogue
import FootageModel
import MediaAnalysis

/// The frames at claimed moments of one clip, each stored once as a derived file of kind
/// `claimed-frame` (full size PNG, display rotation applied) and found again by the time asked
/// for, so that a second check decodes nothing.
final class ClaimedFrameTaker {
    private let session: FrameSession

    init(catalogue: Catalogue, clipID: Int64) throws(CaseworkError) {
        session = try FrameSession(catalogue: catalogue, clipID: clipID, rendering: FrameRendering())
    }

    /// The frame on screen at `time` (player time, clip time), stored or taken now.
    func frame(at time: ExactSeconds, basis: ClaimedFrame.Basis) throws(CaseworkError) -> ClaimedFrame? {
        let ms = ClaimedMoment.milliseconds(time)
        let key = session.key(request: "at \(ms)ms", kind: ClaimedFrame.derivedKind)
        var file = try session.stored(key)
        if file == nil {
            let taken = try session.withGrabber { grabber throws(AnalysisError) in try grabber.take(.at([ms])) }
            guard let first = taken.first else { return nil }
            file = try session.store(first, key: key)
        }
        guard let file, let record = file.frames.first else { return nil }
        return ClaimedFrame(at: time, basis: basis, pts: record.pts, timeBase: record.timeBase, playerMs: record.playerMs,
                            digest: file.digest, mediaType: file.mediaType)
    }
}
