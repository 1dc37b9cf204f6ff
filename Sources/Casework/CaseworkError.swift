public import Catalogue
import CheckCore
public import FootageModel
public import MediaAnalysis

/// What can go wrong when a command works on a registered clip: the catalogue, the media work, or
/// the clip's bytes not being where the catalogue says.
public enum CaseworkError: Error, Sendable, CustomStringConvertible {
    case catalogue(CatalogueError)
    case analysis(AnalysisError)
    /// The clip's evidentiary copy (vault object or in-place file) cannot be read.
    case clipBytesMissing(digest: SHA256Digest, path: String)

    public var description: String {
        switch self {
        case let .catalogue(error): error.description
        case let .analysis(error): error.description
        case let .clipBytesMissing(digest, path):
            ClipBytesMissing(digest: digest, path: path).description
        }
    }
}
