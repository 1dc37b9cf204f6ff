public import Catalogue

/// The media work a check may need: analysing a clip never analysed, and taking a frame at a
/// claimed moment not yet stored. The check itself reads only the catalogue; the process that
/// runs it decides whether it can decode (the full tree) or must hand the check on (`footage`).
public protocol CheckMediaWork {
    /// Analyses the clip, stores the analysis and returns it as stored.
    func analyse(clipID: Int64, in catalogue: Catalogue) throws(CheckMediaFailure) -> StoredAnalysis

    /// Takes the frame on screen at player time `ms` and stores it under `key`; `nil` when the
    /// clip has no frame there.
    func takeFrame(clipID: Int64, atMs ms: Int64, key: FrameFileKey,
                   in catalogue: Catalogue) throws(CheckMediaFailure) -> StoredFrameFile?
}

/// Why media work did not give a result.
public enum CheckMediaFailure: Error, Sendable, CustomStringConvertible {
    /// The catalogue failed: the check stops with this error.
    case catalogue(CatalogueError)
    /// The clip could not be decoded; the verdict says why and the check goes on.
    case failed(String)
    /// This process has no media libraries: the check stops before it stores anything.
    case needsMediaLibraries(String)

    public var description: String {
        switch self {
        case let .catalogue(error): error.description
        case let .failed(reason): reason
        case let .needsMediaLibraries(what): "\(what) needs the media libraries, which this process does not load"
        }
    }
}

/// Media work for a process without media libraries: every request is refused at once.
public struct NoMediaWork: CheckMediaWork {
    public init() {}

    public func analyse(clipID: Int64, in catalogue: Catalogue) throws(CheckMediaFailure) -> StoredAnalysis {
        throw .needsMediaLibraries("analysing clip #\(clipID)")
    }

    public func takeFrame(clipID: Int64, atMs ms: Int64, key: FrameFileKey,
                          in catalogue: Catalogue) throws(CheckMediaFailure) -> StoredFrameFile? {
        throw .needsMediaLibraries("taking the frame at \(ms) ms of clip #\(clipID)")
    }
}
