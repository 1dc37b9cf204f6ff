public import Catalogue
public import FootageModel
import Glibc

/// Where a registered clip's bytes can be read: its vault object, or the path it was registered
/// at in place.
public enum ClipBytes {
    public static func readablePath(of clip: Clip, in catalogue: Catalogue) -> Result<String, ClipBytesMissing> {
        let path: String
        if clip.inVault {
            path = catalogue.objectPath(for: clip.digest)
        } else if let inPlace = clip.inPlacePath, let text = inPlace.utf8String {
            path = text
        } else {
            return .failure(ClipBytesMissing(digest: clip.digest, path: clip.inPlacePath?.escaped ?? "(no path recorded)"))
        }
        guard access(path, R_OK) == 0 else { return .failure(ClipBytesMissing(digest: clip.digest, path: path)) }
        return .success(path)
    }
}

/// A clip's evidentiary copy (vault object or in-place file) that cannot be read.
public struct ClipBytesMissing: Error, Sendable, Hashable, CustomStringConvertible {
    public var digest: SHA256Digest
    public var path: String

    public init(digest: SHA256Digest, path: String) {
        self.digest = digest
        self.path = path
    }

    public var description: String {
        "the bytes of clip \(digest.hex.prefix(12)) are not readable at \(path); footage verify checks the vault"
    }
}
