public import FootageModel
import Foundation
import GRDB
import Vault

/// What a person gives to record an article.
public struct NewArticle: Sendable, Hashable {
    public var url: String
    /// The handle claims files will use; `nil` for a slug made from the URL.
    public var handle: String?
    public var title: String?
    public var publisher: String?
    public var published: String?
    public var author: String?
    /// The article's text, kept in the vault by its hash.
    public var text: [UInt8]?

    public init(url: String, handle: String? = nil, title: String? = nil, publisher: String? = nil,
                published: String? = nil, author: String? = nil, text: [UInt8]? = nil) {
        self.url = url
        self.handle = handle
        self.title = title
        self.publisher = publisher
        self.published = published
        self.author = author
        self.text = text
    }
}

/// What adding an article came to.
public enum ArticleAddition: Sendable, Hashable {
    /// Recorded now.
    case added(Article)
    /// The same URL with the same details was already recorded: nothing changed.
    case unchanged(Article)

    public var article: Article {
        switch self {
        case let .added(article), let .unchanged(article): article
        }
    }
}

extension CustodyAction {
    /// An article recorded in the catalogue (`footage article add`).
    public static let articleAdded = CustodyAction(rawValue: "article-added")
    /// Claims imported from a claims file (`footage claims import`).
    public static let claimsImported = CustodyAction(rawValue: "claims-imported")
}

extension Catalogue {
    /// Records an article: its text (if given) goes into the vault by hash first, then the row
    /// and an `article-added` custody event commit together (the URL is checked before the text
    /// is stored, and again inside the transaction). Adding the same URL again with the
    /// same details changes nothing; with different details it is refused.
    public func addArticle(_ new: NewArticle) throws(CatalogueError) -> ArticleAddition {
        let textDigest = new.text.map { SHA256Stream.digest(of: $0) }
        // A request that will be refused or changes nothing must not leave a text in the vault.
        if let settled = try read({ db in try Self.alreadyRecorded(db, new, textDigest: textDigest) }) { return settled }
        if let text = new.text {
            do { _ = try vault.store(bytes: text) } catch { throw .vault(error) }
        }
        return try write { db in
            if let settled = try Self.alreadyRecorded(db, new, textDigest: textDigest) { return settled }
            let handle: String
            if let chosen = new.handle {
                if let owner = try String.fetchOne(db, sql: "SELECT url FROM articles WHERE handle = ?", arguments: [chosen]) {
                    throw CatalogueError.rejected(.articleHandleTaken(handle: chosen, url: owner))
                }
                handle = chosen
            } else {
                handle = try Self.freeHandle(db, base: ArticleHandle.slug(fromURL: new.url))
            }
            let article = Article(handle: handle, url: new.url, title: new.title, publisher: new.publisher,
                                  published: new.published, author: new.author, textDigest: textDigest,
                                  textSize: new.text.map { Int64($0.count) }, addedAt: ISOTime.now(), addedBy: identity.actor)
            try db.execute(sql: """
                INSERT INTO articles (handle, url, title, publisher, published, author, text_digest, text_size, added_at, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [article.handle, article.url, article.title, article.publisher, article.published,
                                 article.author, article.textDigest?.hex, article.textSize, article.addedAt, article.addedBy])
            _ = try appendEvent(db, action: .articleAdded, clipID: nil, details: try Self.detailsJSON(article))
            return .added(article)
        }
    }

    /// The article with this handle, if recorded.
    public func article(handle: String) throws(CatalogueError) -> Article? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM articles WHERE handle = ?", arguments: [handle]).map(Self.article)
        }
    }

    /// Every article, in the order recorded.
    public func articles() throws(CatalogueError) -> [Article] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM articles ORDER BY id").map(Self.article) }
    }

    static func article(_ row: Row) -> Article {
        let digest: String? = row["text_digest"]
        return Article(handle: row["handle"], url: row["url"], title: row["title"], publisher: row["publisher"],
                       published: row["published"], author: row["author"], textDigest: digest.flatMap(SHA256Digest.init(hex:)),
                       textSize: row["text_size"], addedAt: row["added_at"], addedBy: row["added_by"])
    }

    /// `.unchanged` when the URL is recorded with the same details, `nil` when it is not
    /// recorded; refused when it is recorded with different details.
    private static func alreadyRecorded(_ db: Database, _ new: NewArticle, textDigest: SHA256Digest?) throws -> ArticleAddition? {
        guard let existing = try Row.fetchOne(db, sql: "SELECT * FROM articles WHERE url = ?", arguments: [new.url])
            .map(Self.article) else { return nil }
        let differing = differences(existing, new, textDigest: textDigest)
        guard differing.isEmpty else {
            throw CatalogueError.rejected(.articleDiffers(url: new.url, handle: existing.handle, fields: differing))
        }
        return .unchanged(existing)
    }

    /// The fields in which a new request differs from the recorded article (a field not given
    /// in the request does not count as different).
    private static func differences(_ existing: Article, _ new: NewArticle, textDigest: SHA256Digest?) -> [String] {
        var fields: [String] = []
        func compare(_ name: String, _ old: String?, _ given: String?) {
            if let given, given != old { fields.append(name) }
        }
        compare("handle", existing.handle, new.handle)
        compare("title", existing.title, new.title)
        compare("publisher", existing.publisher, new.publisher)
        compare("published", existing.published, new.published)
        compare("author", existing.author, new.author)
        compare("text", existing.textDigest?.hex, textDigest?.hex)
        return fields
    }

    /// `base`, or `base-2`, `base-3` … whichever is free.
    private static func freeHandle(_ db: Database, base: String) throws -> String {
        var candidate = base
        var suffix = 2
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM articles WHERE handle = ?", arguments: [candidate]) == true {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}

/// Handles made from URLs: short, lowercase, readable in a claims file.
public enum ArticleHandle {
    /// The last meaningful path segment of the URL (or its host), lowercased, with runs of other
    /// characters turned into `-` and cut to 40 characters: `https://example.org/news/army-deserters-2024/`
    /// gives `army-deserters-2024`.
    public static func slug(fromURL url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        let segments = rest.split(separator: "/").map(String.init)
        let chosen = segments.dropFirst().last(where: { !slugText($0).isEmpty && !isFileSuffixOnly($0) })
            ?? segments.first ?? ""
        var slug = slugText(stripExtension(chosen))
        if slug.isEmpty { slug = "article" }
        if slug.count > 40 {
            slug = String(slug.prefix(40))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug
    }

    /// Whether `handle` is usable in a claims file: it starts with a letter or digit and holds
    /// only ASCII letters, digits, `.`, `_` and `-`.
    public static func isValid(_ handle: String) -> Bool {
        func plain(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        guard let first = handle.first, plain(first) else { return false }
        return handle.allSatisfy { plain($0) || "._-".contains($0) }
    }

    private static func slugText(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(character)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    private static func isFileSuffixOnly(_ segment: String) -> Bool {
        ["index.html", "index.htm", "index.php", "amp"].contains(segment.lowercased())
    }

    private static func stripExtension(_ segment: String) -> String {
        for suffix in [".html", ".htm", ".php", ".aspx"] where segment.lowercased().hasSuffix(suffix) {
            return String(segment.dropLast(suffix.count))
        }
        return segment
    }
}
