import Foundation
import ZIPFoundation

/// Packs a finished bag into one zip file whose single top-level folder is the bag, as BagIt
/// serialisation expects.
public struct BagZipper: Sendable {
    public init() {}

    /// Zips the bag at `bagDirectory` into `archive`, which must not exist. Entries are stored
    /// uncompressed unless `compress` is set: evidence media is already compressed, and storing
    /// keeps the zip fast and its bytes identical to the bag's.
    public func zip(bagDirectory: String, to archive: String, compress: Bool = false) throws(ExportError) {
        if FileManager.default.fileExists(atPath: archive) {
            throw .archiveFailed(path: archive, reason: "a file of that name already exists")
        }
        let source = URL(fileURLWithPath: bagDirectory, isDirectory: true)
        let destination = URL(fileURLWithPath: archive)
        do {
            try FileManager.default.zipItem(at: source, to: destination, shouldKeepParent: true,
                                            compressionMethod: compress ? .deflate : .none)
        } catch {
            throw .archiveFailed(path: archive, reason: String(describing: error).lowercased())
        }
    }
}
