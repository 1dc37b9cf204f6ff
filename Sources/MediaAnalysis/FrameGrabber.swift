internal import CFFmpeg
internal import Crypto
public import FootageModel

/// Takes the frame on screen at a player time: the last frame whose presentation time is at or
/// before it, with player time 0 at the first presented frame.
///
/// It seeks to the keyframe before the target, decodes forward and keeps the last frame not later
/// than the target. After a seek only frames that decode cleanly count: nothing before the first
/// keyframe, and none of the leading pictures of an open GOP (presented before that keyframe but
/// referring to the GOP before it). When the first clean frame is already past the target it seeks
/// further back. Several targets in one grabber reuse the decoder and go forward without a seek
/// when the next target is closer than the next keyframe. Player time 0 is found on another
/// thread while `take` works from an estimate, which it checks before returning.
public final class FrameGrabber {
    public struct Options: Sendable, Hashable {
        /// Scale images to this width (height follows the aspect ratio, rounded to even).
        public var width: Int?
        /// Also hash the full-size rgb24 pixels (SHA-256).
        public var hashPixels: Bool
        /// Decoder threads; 0 lets libavcodec choose.
        public var threads: Int

        public init(width: Int? = nil, hashPixels: Bool = false, threads: Int = 0) {
            self.width = width
            self.hashPixels = hashPixels
            self.threads = threads
        }
    }

    public let path: String
    /// Presentation time of the first presented frame: player time 0.
    public var origin: MediaTime {
        // Exact once settled; a failed search is reported by the call that needs the frames.
        if !speculating { _ = try? settleOrigin() }
        return presumedOrigin
    }
    /// Player time 0 as this grabber works with it: the estimate until the search has answered.
    private var presumedOrigin: MediaTime
    public let timeBase: Rational
    /// Clockwise turn a player applies for display, from the display matrix (0, 90, 180 or 270).
    public let rotationDegrees: Int

    private let source: VideoSource
    private let options: Options
    private let rgbScaler: Scaler
    private let thumbnailScaler: Scaler
    /// A decoded frame not yet handed out (it was past the previous target).
    private var pending: LibavFrame?
    /// The frame most recently handed out, still on screen until `pending`.
    private var current: LibavFrame?
    /// Frames after a seek count only from the first keyframe on, and only from its time on.
    private var cleanFrom: Int64?
    private var packetTimes: PacketTimes?
    /// The search for player time 0, until its answer has been taken.
    private var originSearch: OriginSearch?
    /// Set while `withSettledOrigin` runs on the estimate.
    private var speculating = false

    public init(path: String, options: Options = Options()) throws(AnalysisError) {
        self.path = path
        self.options = options
        source = try VideoSource(path: path, tuning: Decoder.Tuning(threads: options.threads))
        rgbScaler = Scaler(outputFormat: AV_PIX_FMT_RGB24, path: path)
        thumbnailScaler = Scaler(outputFormat: AV_PIX_FMT_RGB24, path: path)
        timeBase = Rational(source.timeBase)
        rotationDegrees = Self.displayRotation(source.stream)
        // Player time 0 is the first frame a full decode presents. It is searched for alongside;
        // until it is known, the first packet's time stands in for it (`take` then checks it).
        presumedOrigin = MediaTime(pts: source.startEstimate(), timeBase: timeBase)
        originSearch = OriginSearch(path: path)
        // Decoding from where the input opened gives every frame a full decode gives.
        cleanFrom = Int64.min
    }

    /// Waits for the search for player time 0 and takes its answer; true when it differs from
    /// the estimate used until then, in which case nothing decoded so far is kept.
    @discardableResult
    func settleOrigin() throws(AnalysisError) -> Bool {
        guard let search = originSearch else { return false }
        let first = try search.result()
        originSearch = nil
        guard first != presumedOrigin.pts else { return false }
        presumedOrigin = MediaTime(pts: first, timeBase: timeBase)
        resetAfterSeek()
        return true
    }

    /// Runs `body` with player time 0 still possibly estimated, then settles it; when the
    /// estimate was wrong, `body` runs again on the real origin, so the result is exact either way.
    func withSettledOrigin<T>(_ body: () throws(AnalysisError) -> T) throws(AnalysisError) -> T {
        guard originSearch != nil else { return try body() }
        speculating = true
        let outcome = Result { () throws(AnalysisError) -> T in try body() }
        speculating = false
        if try settleOrigin() { return try body() }
        return try outcome.get()
    }

    /// Everything that reads the origin outside `withSettledOrigin` waits for it first.
    private func settledUnlessSpeculating() throws(AnalysisError) {
        if !speculating { try settleOrigin() }
    }

    /// The frame on screen at `ms` player milliseconds.
    public func frame(atPlayerMs ms: Int64) throws(AnalysisError) -> GrabbedFrame {
        try settledUnlessSpeculating()
        return try frame(atPTS: targetPTS(ms), ms: ms)
    }

    /// The frame on screen at presentation time `pts` (the stream's time base).
    public func frame(atPTS pts: Int64) throws(AnalysisError) -> GrabbedFrame {
        try settledUnlessSpeculating()
        return try frame(atPTS: pts, ms: playerMs(pts))
    }

    private func frame(atPTS target: Int64, ms: Int64) throws(AnalysisError) -> GrabbedFrame {
        if canContinue(to: target), let frame = try scan(to: target) {
            return try grabbed(try checkedWithinClip(frame, target: target, ms: ms))
        }
        return try grabbed(try seekAndScan(to: target, ms: ms))
    }

    /// Frames at several times, taken in time order with one decoder and returned in the order asked.
    public func frames(atPlayerMs times: [Int64]) throws(AnalysisError) -> [GrabbedFrame] {
        try settledUnlessSpeculating()
        var byTime: [Int64: GrabbedFrame] = [:]
        for ms in Set(times).sorted() {
            byTime[ms] = try frame(atPlayerMs: ms)
        }
        return times.compactMap { byTime[$0] }
    }

    /// Every frame presented in [`startMs`, `endMs`], in order.
    public func frames(fromPlayerMs startMs: Int64, throughPlayerMs endMs: Int64) throws(AnalysisError) -> [GrabbedFrame] {
        try settledUnlessSpeculating()
        var result = [try frame(atPlayerMs: max(0, startMs))]
        let end = targetPTS(endMs)
        while let next = try nextCleanFrame() {
            guard let pts = next.presentationTimestamp, pts <= end else {
                pending = next
                break
            }
            current = next
            result.append(try grabbed(next))
        }
        return result
    }

    /// The keyframe at or before `ms`, without decoding forward to the exact time (thumbnails).
    public func keyframe(atOrBeforePlayerMs ms: Int64) throws(AnalysisError) -> GrabbedFrame {
        try settledUnlessSpeculating()
        let target = targetPTS(ms)
        var seekTo = target
        for _ in 0..<8 {
            if seekTo <= presumedOrigin.pts { break }
            guard source.seek(toPTS: seekTo) else { break }
            resetAfterSeek()
            if let frame = try nextCleanFrame(), let pts = frame.presentationTimestamp {
                if pts <= target { return try grabbed(frame) }
                seekTo = min(seekTo, pts) - stepBack(1)
            } else {
                break
            }
        }
        try source.rewind()
        cleanFrom = Int64.min
        pending = nil
        guard let first = try nextCleanFrame() else {
            throw AnalysisError(.outOfRange, path: path, detail: "no frame at \(FrameTime.label(milliseconds: ms))")
        }
        return try grabbed(first)
    }

    /// Presentation times of every keyframe from player time 0 on, from the index or a demux-only pass.
    public func keyframePTS() throws(AnalysisError) -> [Int64] {
        try settledUnlessSpeculating()
        return try packetTimeline().keyframes.filter { $0 >= presumedOrigin.pts }
    }

    /// Player time of the last presented frame, from the index or a demux-only pass.
    public func lastFramePlayerMs() throws(AnalysisError) -> Int64 {
        try settledUnlessSpeculating()
        return playerMs(try packetTimeline().presentation.last ?? presumedOrigin.pts)
    }

    /// Index of the frame with presentation time `pts` in presentation order, from the index or a
    /// demux-only pass: the number of frames presented from player time 0 up to it.
    public func frameIndex(of frame: GrabbedFrame) throws(AnalysisError) -> Int {
        try settledUnlessSpeculating()
        let times = try packetTimeline().presentation
        var low = 0
        var high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < frame.time.pts { low = middle + 1 } else { high = middle }
        }
        let beforeOrigin = times.prefix { $0 < presumedOrigin.pts }.count
        return low - beforeOrigin
    }

    // MARK: - Locating

    /// The stream timestamp for a player time: frames at or before it are on screen by then.
    func targetPTS(_ ms: Int64) -> Int64 {
        // (pts - origin) * num / den <= ms / 1000  ⇔  pts - origin <= floor(ms * den / (1000 * num)).
        let product = ms.multipliedFullWidth(by: timeBase.denominator)
        let divisor = 1000 * timeBase.numerator
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let floored = remainder < 0 ? quotient - 1 : quotient
        return presumedOrigin.pts + floored
    }

    public func playerMs(_ pts: Int64) -> Int64 {
        if !speculating { _ = try? settleOrigin() }
        let delta = pts - presumedOrigin.pts
        let product = delta.multipliedFullWidth(by: 1000 * timeBase.numerator)
        let (quotient, remainder) = timeBase.denominator.dividingFullWidth(product)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// Whether decoding on from where the decoder is beats seeking: the target is not before the
    /// frame on screen, and no keyframe lies between the decoder's position and the target.
    private func canContinue(to target: Int64) -> Bool {
        guard cleanFrom != nil else { return false }
        // Before anything is decoded the input is at its start, where the first frame is.
        let position = pending?.presentationTimestamp ?? current?.presentationTimestamp ?? (source.atStart ? presumedOrigin.pts : nil)
        guard let position else { return false }
        if let current = current?.presentationTimestamp, target < current { return false }
        if let keyframe = source.indexedKeyframe(atOrBefore: target) {
            return keyframe <= position
        }
        // No index (transport streams): going forward up to two seconds is cheaper than a seek.
        return target - position <= stepBack(2)
    }

    /// Decodes forward to the last clean frame at or before `target`; `nil` when the first clean
    /// frame is already past it and no earlier frame is on screen.
    private func scan(to target: Int64) throws(AnalysisError) -> LibavFrame? {
        var candidate: LibavFrame? = current.flatMap { frame in
            (frame.presentationTimestamp ?? Int64.max) <= target ? frame : nil
        }
        while let frame = try nextCleanFrame() {
            guard let pts = frame.presentationTimestamp else { continue }
            if pts <= target {
                candidate = frame
                // Still on screen at the target, and the next frame's packet shows it starts
                // after it: that frame need not be decoded to know this one is the answer.
                if target < pts + frame.shownDuration,
                   let next = source.upcomingPresentationTime, next > target { break }
            } else {
                pending = frame
                break
            }
        }
        if let candidate { current = candidate }
        return candidate
    }

    private func seekAndScan(to target: Int64, ms: Int64) throws(AnalysisError) -> LibavFrame {
        var seekTo = target
        for attempt in 0..<8 {
            if seekTo <= presumedOrigin.pts { break }
            guard source.seek(toPTS: seekTo) else { break }
            resetAfterSeek()
            // Frames more than half a second before the target are not wanted unless they are
            // references; if the frame found is not within that half second, a skipped frame
            // may have been the one on screen, and the stretch is decoded again in full.
            let skipLimit = target - stepBack(1) / 2
            source.skipNonReferenceFrames(before: skipLimit)
            let found = try scan(to: target)
            source.skipNonReferenceFrames(before: nil)
            if let found, (found.presentationTimestamp ?? Int64.min) >= skipLimit {
                return try checkedWithinClip(found, target: target, ms: ms)
            }
            if found != nil {
                guard source.seek(toPTS: seekTo) else { break }
                resetAfterSeek()
            }
            if let frame = try scan(to: target) { return try checkedWithinClip(frame, target: target, ms: ms) }
            // The first clean frame is past the target: go back before it, further each time.
            let firstClean = cleanFrom ?? seekTo
            seekTo = min(seekTo, firstClean) - stepBack(1 << attempt)
        }
        // From the very start every frame is clean, as in a full decode.
        try source.rewind()
        resetAfterSeek()
        cleanFrom = Int64.min
        guard let frame = try scan(to: target) else {
            throw AnalysisError(.outOfRange, path: path, detail: "no frame at \(FrameTime.label(milliseconds: ms))")
        }
        return try checkedWithinClip(frame, target: target, ms: ms)
    }

    /// A target after the last frame has ended is outside the clip.
    private func checkedWithinClip(_ frame: LibavFrame, target: Int64, ms: Int64) throws(AnalysisError) -> LibavFrame {
        guard pending == nil, let pts = frame.presentationTimestamp else { return frame }
        let duration = frame.shownDuration
        if target >= pts + duration {
            throw AnalysisError(.outOfRange, path: path,
                                detail: "\(FrameTime.label(milliseconds: ms)) is after the last frame ends (\(FrameTime.label(milliseconds: playerMs(pts + duration))))")
        }
        return frame
    }

    private func resetAfterSeek() {
        pending = nil
        current = nil
        cleanFrom = nil
    }

    /// The next frame in presentation order that a full decode would also show.
    private func nextCleanFrame() throws(AnalysisError) -> LibavFrame? {
        if let frame = pending {
            pending = nil
            return frame
        }
        while true {
            // A fresh frame each time: the decoder's picture buffers are reference-counted, so
            // frames handed out stay valid while decoding goes on.
            let frame = try LibavFrame(path: path)
            guard try source.next(into: frame) else { return nil }
            guard let pts = frame.presentationTimestamp else { continue }
            if cleanFrom == nil {
                guard frame.isKeyframe, !frame.isCorrupt else { continue }
                cleanFrom = pts
            }
            if let cleanFrom, pts < cleanFrom { continue }
            return frame
        }
    }

    private func stepBack(_ seconds: Int) -> Int64 {
        Int64(seconds) * timeBase.denominator / max(1, timeBase.numerator)
    }

    // MARK: - Converting

    private func grabbed(_ frame: LibavFrame) throws(AnalysisError) -> GrabbedFrame {
        let width = Int(frame.pointer.pointee.width)
        let height = Int(frame.pointer.pointee.height)
        var full: [UInt8]?
        var sha: String?
        let scaling = options.width.map { $0 != width } ?? false
        if options.hashPixels || !scaling {
            let pixels = try rgbScaler.convert(frame, width: width, height: height)
            if options.hashPixels {
                sha = SHA256.hash(data: pixels).map { String($0, radix: 16).leftPadded2 }.joined()
            }
            full = pixels
        }
        var image: RGBImage
        if scaling, let target = options.width {
            let scaledHeight = max(2, (height * target / max(1, width) + 1) / 2 * 2)
            image = RGBImage(width: target, height: scaledHeight,
                             pixels: try thumbnailScaler.convert(frame, width: target, height: scaledHeight))
        } else {
            image = RGBImage(width: width, height: height, pixels: full ?? [UInt8](repeating: 0, count: width * height * 3))
        }
        let pts = frame.presentationTimestamp ?? presumedOrigin.pts
        return GrabbedFrame(time: MediaTime(pts: pts, timeBase: timeBase), playerMs: playerMs(pts),
                            isKeyframe: frame.isKeyframe, pictureType: frame.pictureType, image: image, rgbSHA256: sha)
    }

    private func packetTimeline() throws(AnalysisError) -> PacketTimes {
        if let packetTimes { return packetTimes }
        let times = try PacketTimes.read(source.input, streamIndex: source.streamIndex)
        packetTimes = times
        return times
    }

    /// Clockwise degrees a player turns the picture, from the stream's display matrix.
    static func displayRotation(_ stream: UnsafeMutablePointer<AVStream>) -> Int {
        var size = 0
        guard let data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size),
              size >= 9 * MemoryLayout<Int32>.size else { return 0 }
        let counterClockwise = data.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        guard counterClockwise.isFinite else { return 0 }
        let clockwise = Int((-counterClockwise).rounded())
        return ((clockwise % 360) + 360) % 360
    }
}

extension String {
    fileprivate var leftPadded2: String { count < 2 ? "0" + self : self }
}
