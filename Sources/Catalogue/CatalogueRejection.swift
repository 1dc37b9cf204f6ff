import FootageModel

/// Why the catalogue refused an article, claim, link, mark or verdict: each names the thing and,
/// where there is one, the command that would put it right.
public enum CatalogueRejection: Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is, which decides the exit status.
    public enum Kind: Sendable, Hashable {
        /// Something named does not exist.
        case missing
        /// The input contradicts what the catalogue already holds.
        case conflicting
    }

    /// No article has this handle.
    case noSuchArticle(handle: String)
    /// The URL is recorded already, with different details.
    case articleDiffers(url: String, handle: String, fields: [String])
    /// Another article already has this handle.
    case articleHandleTaken(handle: String, url: String)
    /// No claim has this id.
    case noSuchClaim(handle: String)
    /// A claim in a file names an article the catalogue does not have.
    case claimArticleMissing(claim: String, article: String, file: String)
    /// A claim id already holds a different claim (claims are written once).
    case claimDiffers(claim: String, file: String)
    /// The text file given for an article could not be read.
    case unreadableText(path: String, reason: String)

    public var kind: Kind {
        switch self {
        case .noSuchArticle, .noSuchClaim, .unreadableText: .missing
        case .articleDiffers, .articleHandleTaken, .claimArticleMissing, .claimDiffers: .conflicting
        }
    }

    public var description: String {
        switch self {
        case let .noSuchArticle(handle):
            "no article has the handle \(handle); footage article add URL --id \(handle) records one"
        case let .articleDiffers(url, handle, fields):
            "the article \(url) is already recorded as \(handle) with a different \(fields.joined(separator: ", ")); "
                + "articles are kept as first recorded"
        case let .articleHandleTaken(handle, url):
            "the handle \(handle) is already used by \(url); choose another with --id"
        case let .noSuchClaim(handle):
            "no claim has the id \(handle); footage claims lists them"
        case let .claimArticleMissing(claim, article, file):
            "\(file): claim \(claim) names the article \(article), which is not in the catalogue; "
                + "record it first with footage article add URL --id \(article)"
        case let .claimDiffers(claim, file):
            "\(file): claim \(claim) is already in the catalogue with different content; "
                + "claims are written once, so give the changed claim a new id"
        case let .unreadableText(path, reason):
            "\(path): \(reason)"
        }
    }
}
