public import FootageModel

/// schema.org `ClaimReview`s: one per claim that was checked against footage, rated on a
/// three-step scale about the footage (never about the world).
public struct ClaimReviewBuilder: Sendable {
    public var context: ReviewContext

    public init(context: ReviewContext) {
        self.context = context
    }

    /// The rating scale: 1 not consistent, 2 inconclusive, 3 consistent.
    static func rating(_ outcome: ExportVerdict.Outcome) -> Int64? {
        switch outcome {
        case .inconsistent: 1
        case .inconclusive: 2
        case .consistent: 3
        case .unchecked: nil
        }
    }

    /// One outcome for a claim checked against several clips: any inconsistency decides, then
    /// all-consistent, otherwise inconclusive. `nil` when nothing was checked.
    public static func combined(_ outcomes: [ExportVerdict.Outcome]) -> ExportVerdict.Outcome? {
        let checked = outcomes.filter { $0 != .unchecked }
        if checked.isEmpty { return nil }
        if checked.contains(.inconsistent) { return .inconsistent }
        if checked.allSatisfy({ $0 == .consistent }) { return .consistent }
        return .inconclusive
    }

    public func reviews(claims: [ExportClaim], verdicts: [ExportVerdict], articles: [ExportArticle]) -> [JSONValue] {
        claims.compactMap { claim in
            let outcomes = verdicts.filter { $0.claimID == claim.id }.map(\.outcome)
            guard let outcome = Self.combined(outcomes), let value = Self.rating(outcome) else { return nil }
            let article = articles.first { $0.url == claim.articleURL }
            return review(claim, outcome: outcome, rating: value, article: article)
        }
    }

    private func review(_ claim: ExportClaim, outcome: ExportVerdict.Outcome, rating: Int64, article: ExportArticle?) -> JSONValue {
        let claimAuthor: JSONValue? = (claim.claimant ?? article?.author ?? article?.publisher).map {
            .record(["@type": .string("Person"), "name": .string($0)])
        }
        let appearance = JSONValue.record([
            "@type": .string("NewsArticle"),
            "url": .string(claim.articleURL),
            "headline": article?.title.map(JSONValue.string),
            "publisher": article?.publisher.map { .record(["@type": .string("Organization"), "name": .string($0)]) },
        ])
        return .record([
            "@type": .string("ClaimReview"),
            "@id": .string(reviewURL(claim)),
            "url": .string(reviewURL(claim)),
            "claimReviewed": .string(claim.summary),
            "reviewRating": .record([
                "@type": .string("Rating"),
                "ratingValue": .integer(rating),
                "bestRating": .integer(3),
                "worstRating": .integer(1),
                "alternateName": .string(outcome.words),
            ]),
            "itemReviewed": .record([
                "@type": .string("Claim"),
                "author": claimAuthor,
                "datePublished": article?.published.map { .string(ExportTime.day($0)) },
                "appearance": appearance,
            ]),
            "author": context.authorJSON,
            "datePublished": .string(ExportTime.day(context.published)),
        ])
    }

    func reviewURL(_ claim: ExportClaim) -> String {
        "\(context.pageURL)#claim-\(claim.id)"
    }
}
