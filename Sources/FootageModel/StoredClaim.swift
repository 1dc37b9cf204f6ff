/// A claim as the catalogue holds it: the claim itself, the article it came from and whether its
/// timing was left ambiguous.
public struct StoredClaim: Sendable, Hashable, Codable {
    public var claim: Claim
    /// The handle of the claim's article, if it names one.
    public var article: String?
    /// The timing has another reading and the claims file did not choose one (`reading:`).
    public var ambiguous: Bool
    /// The claims file it was imported from, as named on the command line.
    public var sourceFile: String?
    /// ISO 8601 UTC time of the import.
    public var importedAt: String
    public var importedBy: String

    enum CodingKeys: String, CodingKey {
        case claim, article, ambiguous
        case sourceFile = "source_file"
        case importedAt = "imported_at"
        case importedBy = "imported_by"
    }

    public init(claim: Claim, article: String?, ambiguous: Bool, sourceFile: String?, importedAt: String, importedBy: String) {
        self.claim = claim
        self.article = article
        self.ambiguous = ambiguous
        self.sourceFile = sourceFile
        self.importedAt = importedAt
        self.importedBy = importedBy
    }
}

/// A verdict as stored: the verdict, which claim and clip it is about, and when it was reached.
public struct StoredVerdict: Sendable, Hashable, Codable {
    /// The verdict's row number in the catalogue.
    public var id: Int64
    public var claim: String
    /// `nil` for a claim checked without a clip (not linked to any).
    public var clip: SHA256Digest?
    public var verdict: Verdict
    public var checkedAt: String
    public var checkedBy: String
    /// The stored analysis the verdict used, if any.
    public var analysisID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, claim, clip, verdict
        case checkedAt = "checked_at"
        case checkedBy = "checked_by"
        case analysisID = "analysis_id"
    }

    public init(id: Int64, claim: String, clip: SHA256Digest?, verdict: Verdict, checkedAt: String, checkedBy: String,
                analysisID: Int64?) {
        self.id = id
        self.claim = claim
        self.clip = clip
        self.verdict = verdict
        self.checkedAt = checkedAt
        self.checkedBy = checkedBy
        self.analysisID = analysisID
    }
}
