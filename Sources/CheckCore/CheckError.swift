public import Catalogue

/// Why a check stopped without a report. Nothing of the check's verdicts is stored then.
public enum CheckError: Error, Sendable, CustomStringConvertible {
    case catalogue(CatalogueError)
    /// A clip needs media work that the process cannot do (see `CheckMediaWork`).
    case needsMediaLibraries(String)

    public var description: String {
        switch self {
        case let .catalogue(error): error.description
        case let .needsMediaLibraries(what): "\(what) needs the media libraries, which this process does not load"
        }
    }
}
