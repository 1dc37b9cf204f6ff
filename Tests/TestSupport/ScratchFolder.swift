public import Foundation

/// A fresh folder under the temporary directory for one test's files, removed with the value.
public final class ScratchFolder: Sendable {
    public let url: URL

    public init(_ label: String = "footage-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `contents` to a file in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ contents: Data) throws -> String {
        let target = path(name)
        try contents.write(to: URL(fileURLWithPath: target))
        return target
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
