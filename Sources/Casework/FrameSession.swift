import Catalogue
import FootageModel
import MediaAnalysis

/// One command's work on one clip's frames: looks stored frames up, and opens the clip only when
/// something has to be decoded.
final class FrameSession {
    let catalogue: Catalogue
    let clipID: Int64
    let rendering: FrameRendering
    private let path: String
    private var grabber: FrameGrabber?

    init(catalogue: Catalogue, clipID: Int64, rendering: FrameRendering) throws(CaseworkError) {
        self.catalogue = catalogue
        self.clipID = clipID
        self.rendering = rendering
        path = try ClipMedia.path(of: ClipMedia.clip(clipID, in: catalogue), in: catalogue)
    }

    func key(request: String, kind: String = "frame") -> FrameFileKey {
        FrameFileKey(kind: kind, format: rendering.format.rawValue, rendering: rendering.key, request: request)
    }

    func stored(_ key: FrameFileKey) throws(CaseworkError) -> StoredFrameFile? {
        do { return try catalogue.storedFrameFile(clipID: clipID, key: key) } catch { throw .catalogue(error) }
    }

    /// Runs `body` with the clip open (opened on first use; hashing the pixels so that every
    /// stored record is complete).
    func withGrabber<T>(_ body: (FrameGrabber) throws(AnalysisError) -> T) throws(CaseworkError) -> T {
        do throws(AnalysisError) {
            if let grabber { return try body(grabber) }
            let opened = try FrameGrabber(path: path, options: .init(width: rendering.width, hashPixels: true))
            grabber = opened
            return try body(opened)
        } catch { throw .analysis(error) }
    }

    /// The player times `every` and `keyframeEvery` ask for (the clip's length decides).
    func requestedTimes(_ selection: FrameSelection) throws(CaseworkError) -> [Int64] {
        try withGrabber { grabber throws(AnalysisError) in try grabber.requestedTimes(selection) ?? [] }
    }

    /// Frames at player times, each found by `at Nms` (or `keyframe at or before Nms`); only the
    /// times not yet stored are decoded, in time order.
    func byTime(_ times: [Int64], nearestKeyframe: Bool) throws(CaseworkError) -> [StoredFrameFile] {
        let request: (Int64) -> String = { nearestKeyframe ? "keyframe at or before \($0)ms" : "at \($0)ms" }
        var found: [Int64: StoredFrameFile] = [:]
        for ms in Set(times) {
            if let stored = try stored(key(request: request(ms))) { found[ms] = stored }
        }
        let missing = Set(times).subtracting(found.keys).sorted()
        if !missing.isEmpty {
            let selection: FrameSelection = nearestKeyframe ? .keyframeAtOrBefore(missing) : .at(missing)
            let taken = try withGrabber { grabber throws(AnalysisError) in try grabber.take(selection) }
            for frame in taken {
                found[frame.requestedMs] = try store(frame, key: key(request: request(frame.requestedMs)))
            }
        }
        return times.compactMap { found[$0] }
    }

    /// Frames at presentation timestamps, each found by `pts N`.
    func byTimestamp(_ timestamps: [Int64]) throws(CaseworkError) -> [StoredFrameFile] {
        var files: [StoredFrameFile] = []
        for pts in timestamps {
            let key = key(request: "pts \(pts)")
            if let stored = try stored(key) {
                files.append(stored)
                continue
            }
            let frame = try withGrabber { grabber throws(AnalysisError) in try grabber.frame(atPTS: pts) }
            files.append(try store(TakenFrame(requestedMs: frame.playerMs, frame: frame), key: key))
        }
        return files
    }

    /// Encodes one frame and stores it.
    func store(_ taken: TakenFrame, key: FrameFileKey) throws(CaseworkError) -> StoredFrameFile {
        let (bytes, record, origin, rotation) = try withGrabber { grabber throws(AnalysisError) in
            let rotation = rendering.applyRotation ? grabber.rotationDegrees : 0
            let image = taken.frame.image.rotated(clockwiseDegrees: rotation)
            return (try ImageEncoder.encode(image, as: rendering.format, path: path), try grabber.record(of: taken),
                    grabber.origin, rotation)
        }
        do {
            return try catalogue.storeFrameFile(bytes, clipID: clipID, key: key, mediaType: rendering.mediaType,
                                                frames: [record], origin: origin, rotationApplied: rotation)
        } catch { throw .catalogue(error) }
    }

    /// Takes the selection's frames, composes a sheet and stores it.
    func storeSheet(_ selection: FrameSelection, key: FrameFileKey) throws(CaseworkError) -> StoredFrameFile {
        let (bytes, records, origin, rotation) = try withGrabber { grabber throws(AnalysisError) in
            let taken = try grabber.take(selection)
            let rotation = rendering.applyRotation ? grabber.rotationDegrees : 0
            let sheet = ContactSheet().compose(taken.map {
                (image: $0.frame.image.rotated(clockwiseDegrees: rotation), label: FrameTime.label(milliseconds: $0.frame.playerMs))
            })
            var records: [FrameRecord] = []
            for frame in taken { records.append(try grabber.record(of: frame)) }
            return (try ImageEncoder.encode(sheet, as: rendering.format, path: path), records, grabber.origin, rotation)
        }
        do {
            return try catalogue.storeFrameFile(bytes, clipID: clipID, key: key, mediaType: rendering.mediaType,
                                                frames: records, origin: origin, rotationApplied: rotation)
        } catch { throw .catalogue(error) }
    }
}
