public import FootageModel

/// A decoded frame taken from a clip, converted to rgb24.
public struct GrabbedFrame: Sendable, Hashable {
    /// Presentation timestamp in the stream's time base.
    public var time: MediaTime
    /// Player time of the frame in milliseconds, rounded down (0 is the first presented frame).
    public var playerMs: Int64
    public var isKeyframe: Bool
    /// `I`, `P`, `B` or `?`.
    public var pictureType: String
    /// The frame as rgb24, at its decoded size or the requested thumbnail width, not rotated.
    public var image: RGBImage
    /// SHA-256 of the full-size rgb24 pixels, when asked for.
    public var rgbSHA256: String?
}
