/// What `footage frames --json` reports: the clip's player-time origin and the frames taken.
public struct FrameSet: Sendable, Hashable, Codable {
    public var path: String
    /// Presentation time of the first presented frame (player time 0).
    public var origin: MediaTime
    /// Clockwise turn applied to the written images (0 when `--no-rotate` or none is recorded).
    public var rotationApplied: Int
    public var frames: [FrameRecord]
    /// The contact sheet written, when one was asked for.
    public var sheet: String?

    public init(path: String, origin: MediaTime, rotationApplied: Int, frames: [FrameRecord], sheet: String?) {
        self.path = path
        self.origin = origin
        self.rotationApplied = rotationApplied
        self.frames = frames
        self.sheet = sheet
    }
}
