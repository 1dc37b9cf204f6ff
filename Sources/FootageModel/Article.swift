/// A published article that claims are read from, as the catalogue records it.
public struct Article: Sendable, Hashable, Codable {
    /// The short name claims files use in `article:`.
    public var handle: String
    public var url: String
    public var title: String?
    public var publisher: String?
    /// The publication date or date-time as given.
    public var published: String?
    public var author: String?
    /// The SHA-256 of the article's text kept in the vault, when a text was given.
    public var textDigest: SHA256Digest?
    public var textSize: Int64?
    /// ISO 8601 UTC time the article was recorded.
    public var addedAt: String
    public var addedBy: String

    enum CodingKeys: String, CodingKey {
        case handle, url, title, publisher, published, author
        case textDigest = "text_digest"
        case textSize = "text_size"
        case addedAt = "added_at"
        case addedBy = "added_by"
    }

    public init(handle: String, url: String, title: String? = nil, publisher: String? = nil, published: String? = nil,
                author: String? = nil, textDigest: SHA256Digest? = nil, textSize: Int64? = nil,
                addedAt: String, addedBy: String) {
        self.handle = handle
        self.url = url
        self.title = title
        self.publisher = publisher
        self.published = published
        self.author = author
        self.textDigest = textDigest
        self.textSize = textSize
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}
