/// The schema.org JSON-LD export: claim reviews and media reviews in one `@graph`.
public enum SchemaOrgDocument {
    public static let contextURL = "https://schema.org"

    public static func json(context: ReviewContext, clips: [ExportClip], claims: [ExportClaim],
                            verdicts: [ExportVerdict], articles: [ExportArticle]) throws(ExportError) -> JSONValue {
        let claimReviews = ClaimReviewBuilder(context: context).reviews(claims: claims, verdicts: verdicts, articles: articles)
        let mediaReviews = try MediaReviewBuilder(context: context).reviews(clips: clips, claims: claims)
        return .record([
            "@context": .string(contextURL),
            "@graph": .array(claimReviews + mediaReviews),
        ])
    }

    public static func render(context: ReviewContext, clips: [ExportClip], claims: [ExportClaim],
                              verdicts: [ExportVerdict], articles: [ExportArticle]) throws(ExportError) -> String {
        JSONWriter.render(try json(context: context, clips: clips, claims: claims, verdicts: verdicts, articles: articles))
    }
}
