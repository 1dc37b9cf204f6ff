public import Catalogue
public import FootageModel

/// The frames at claimed moments of one clip, each stored once as a derived file of kind
/// `claimed-frame` (full size PNG, display rotation applied) and found again by the time asked
/// for, so that a second check decodes nothing; a frame not yet stored is taken by the media work.
final class ClaimedFrames {
    private let catalogue: Catalogue
    private let clipID: Int64
    private let media: any CheckMediaWork

    /// Fails as the frame taker would: a catalogue error, or the clip's bytes not readable.
    init(catalogue: Catalogue, clipID: Int64, media: any CheckMediaWork) throws(CheckMediaFailure) {
        let clip: Clip
        do { clip = try catalogue.clip(id: clipID) } catch { throw .catalogue(error) }
        if case .failure(let missing) = ClipBytes.readablePath(of: clip, in: catalogue) { throw .failed(missing.description) }
        self.catalogue = catalogue
        self.clipID = clipID
        self.media = media
    }

    /// The key a claimed frame at player time `ms` is stored under.
    static func key(ms: Int64) -> FrameFileKey {
        StoredFrameKey.frame(atMs: ms, kind: ClaimedFrame.derivedKind)
    }

    /// The frame on screen at `time` (player time, clip time), stored or taken now.
    func frame(at time: ExactSeconds, basis: ClaimedFrame.Basis) throws(CheckMediaFailure) -> ClaimedFrame? {
        let ms = ClaimedMoment.milliseconds(time)
        let key = Self.key(ms: ms)
        var file: StoredFrameFile?
        do { file = try catalogue.storedFrameFile(clipID: clipID, key: key) } catch { throw .catalogue(error) }
        if file == nil { file = try media.takeFrame(clipID: clipID, atMs: ms, key: key, in: catalogue) }
        guard let file, let record = file.frames.first else { return nil }
        return ClaimedFrame(at: time, basis: basis, pts: record.pts, timeBase: record.timeBase, playerMs: record.playerMs,
                            digest: file.digest, mediaType: file.mediaType)
    }
}
