public import Foundation

/// Who publishes the reviews and where, for the schema.org export.
public struct ReviewContext: Sendable, Hashable {
    /// The organisation or person publishing the review.
    public var reviewer: String
    public var reviewerIsOrganization: Bool
    /// The page the reviews are published on; each review gets a fragment of it.
    public var pageURL: String
    public var published: Date

    public init(reviewer: String, reviewerIsOrganization: Bool = true, pageURL: String, published: Date) {
        self.reviewer = reviewer
        self.reviewerIsOrganization = reviewerIsOrganization
        self.pageURL = pageURL
        self.published = published
    }

    var authorJSON: JSONValue {
        .record(["@type": .string(reviewerIsOrganization ? "Organization" : "Person"), "name": .string(reviewer)])
    }
}
