import Catalogue
import FootageModel
import Glibc

/// Where a registered clip's bytes can be read: its vault object, or the path it was registered
/// at in place.
enum ClipMedia {
    static func path(of clip: Clip, in catalogue: Catalogue) throws(CaseworkError) -> String {
        let path: String
        if clip.inVault {
            path = catalogue.objectPath(for: clip.digest)
        } else if let inPlace = clip.inPlacePath, let text = inPlace.utf8String {
            path = text
        } else {
            throw .clipBytesMissing(digest: clip.digest, path: clip.inPlacePath?.escaped ?? "(no path recorded)")
        }
        guard access(path, R_OK) == 0 else { throw .clipBytesMissing(digest: clip.digest, path: path) }
        return path
    }

    static func clip(_ id: Int64, in catalogue: Catalogue) throws(CaseworkError) -> Clip {
        do { return try catalogue.clip(id: id) } catch { throw .catalogue(error) }
    }
}
