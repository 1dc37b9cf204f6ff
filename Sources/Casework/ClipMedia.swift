import Catalogue
import CheckCore
import FootageModel

/// Where a registered clip's bytes can be read: its vault object, or the path it was registered
/// at in place.
enum ClipMedia {
    static func path(of clip: Clip, in catalogue: Catalogue) throws(CaseworkError) -> String {
        switch ClipBytes.readablePath(of: clip, in: catalogue) {
        case .success(let path): return path
        case .failure(let missing): throw .clipBytesMissing(digest: missing.digest, path: missing.path)
        }
    }

    static func clip(_ id: Int64, in catalogue: Catalogue) throws(CaseworkError) -> Clip {
        do { return try catalogue.clip(id: id) } catch { throw .catalogue(error) }
    }
}
