public import Catalogue

/// The keys frames drawn with the default rendering (decoded size, turned as the display matrix
/// says, PNG) are stored under, so that a process without media libraries finds them.
public enum StoredFrameKey {
    public static let format = "png"
    public static let rendering = "width=decoded rotation=display"

    /// The frame on screen at player time `ms`, of `kind` (`frame`, or `claimed-frame` for a check).
    public static func frame(atMs ms: Int64, kind: String = "frame") -> FrameFileKey {
        FrameFileKey(kind: kind, format: format, rendering: rendering, request: "at \(ms)ms")
    }
}
