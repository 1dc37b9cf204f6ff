public import FootageModel
public import Vault

/// Everything that can go wrong in the catalogue layer, each naming the file and the problem.
public enum CatalogueError: Error, Sendable, CustomStringConvertible {
    /// No `.footage/` folder was found from `start` upward, and none was named.
    case notFound(start: String)
    /// A catalogue named by `--catalogue` or `FOOTAGE_CATALOGUE` is not there.
    case missing(path: String)
    /// `init` found a catalogue already in place.
    case alreadyExists(path: String)
    /// SQLite refused or failed; `ioFailure` when the cause was the disk (full, I/O error).
    case database(path: String, message: String, ioFailure: Bool)
    /// The vault failed.
    case vault(VaultError)
    /// No clip's digest starts with this prefix.
    case noSuchClip(prefix: String)
    /// Several clips' digests start with this prefix.
    case ambiguousClip(prefix: String, candidates: [SHA256Digest])
    /// Not a hex prefix of a digest.
    case invalidClipName(String)
    /// Not an ISO 8601 date-time.
    case invalidTime(String)
    /// An article, claim, link, mark or verdict was refused.
    case rejected(CatalogueRejection)

    public var description: String {
        switch self {
        case let .notFound(start):
            return "no catalogue found in \(start) or any folder above it; run footage init, or name one with --catalogue or FOOTAGE_CATALOGUE"
        case let .missing(path):
            return "no catalogue at \(path); run footage init there first"
        case let .alreadyExists(path):
            return "a catalogue already exists at \(path)"
        case let .database(path, message, _):
            return "catalogue \(path): \(message)"
        case let .vault(error):
            return error.description
        case let .noSuchClip(prefix):
            return "no clip matches \(prefix); footage clips lists them"
        case let .ambiguousClip(prefix, candidates):
            return "\(prefix) matches \(candidates.count) clips: " + candidates.map(\.hex).joined(separator: ", ")
                + "; give more characters of the hash"
        case let .invalidClipName(text):
            return "\(ClipFileName(text).escaped) is not a clip hash or a prefix of one (hex digits expected)"
        case let .invalidTime(text):
            return "\(ClipFileName(text).escaped) is not an ISO 8601 date-time (e.g. 2024-03-01T12:00:00Z)"
        case let .rejected(rejection):
            return rejection.description
        }
    }
}
