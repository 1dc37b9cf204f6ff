public import Foundation

/// One file of a bag's payload: where it goes under `data/`, and where its bytes come from.
public struct BagPayloadItem: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// A file copied from this path (read once, hashed while copied).
        case file(path: String)
        /// Bytes made in memory (JSON, WebVTT).
        case bytes(Data)
    }

    /// Path relative to `data/`, with `/` between segments.
    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    /// A file to copy into the bag at `path`.
    public static func file(_ source: String, as path: String) -> BagPayloadItem {
        BagPayloadItem(path: path, content: .file(path: source))
    }

    /// In-memory bytes to write into the bag at `path`.
    public static func data(_ data: Data, as path: String) -> BagPayloadItem {
        BagPayloadItem(path: path, content: .bytes(data))
    }
}
