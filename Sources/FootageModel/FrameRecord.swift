/// One frame taken from a clip at a requested player time, as `footage frames --json` lists it.
public struct FrameRecord: Sendable, Hashable, Codable {
    /// The player time asked for, in milliseconds.
    public var requestedMs: Int64
    /// Presentation timestamp of the frame on screen at that time, in the stream's time base.
    public var pts: Int64
    public var timeBase: Rational
    /// Player time of the frame (0 is the first presented frame), in milliseconds, rounded down.
    public var playerMs: Int64
    /// Player time in seconds, for display.
    public var seconds: Double
    /// Index of the frame in presentation order, counting from 0 at the first presented frame.
    public var index: Int
    public var isKeyframe: Bool
    /// `I`, `P`, `B` or `?` as libavcodec reports it.
    public var pictureType: String
    /// SHA-256 of the decoded frame as packed rgb24 at its coded size, before rotation.
    public var rgbSHA256: String
    /// The image written for this frame, when one was written.
    public var file: String?

    public init(requestedMs: Int64, pts: Int64, timeBase: Rational, playerMs: Int64, seconds: Double, index: Int,
                isKeyframe: Bool, pictureType: String, rgbSHA256: String, file: String?) {
        self.requestedMs = requestedMs
        self.pts = pts
        self.timeBase = timeBase
        self.playerMs = playerMs
        self.seconds = seconds
        self.index = index
        self.isKeyframe = isKeyframe
        self.pictureType = pictureType
        self.rgbSHA256 = rgbSHA256
        self.file = file
    }
}
