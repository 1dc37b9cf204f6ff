public import MediaAnalysis

/// How a frame image is drawn: the settings that change its bytes, and so part of what a stored
/// frame is found again by.
public struct FrameRendering: Sendable, Hashable {
    public var format: ImageFormat
    /// Scale to this width (height follows the aspect ratio); `nil` keeps the decoded size.
    public var width: Int?
    /// Turn the picture as the clip's display matrix says.
    public var applyRotation: Bool

    public init(format: ImageFormat = .png, width: Int? = nil, applyRotation: Bool = true) {
        self.format = format
        self.width = width
        self.applyRotation = applyRotation
    }

    /// e.g. `width=320 rotation=display`.
    var key: String {
        "width=\(width.map { String($0) } ?? "decoded") rotation=\(applyRotation ? "display" : "none")"
    }

    var mediaType: String { format == .png ? "image/png" : "image/jpeg" }
}
