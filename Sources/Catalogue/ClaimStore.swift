public import FootageModel
public import TimingClaims
import Foundation
import GRDB

/// What importing a claims file came to.
public struct ClaimImportSummary: Sendable, Hashable, Codable {
    /// The file as named on the command line.
    public var file: String
    /// Ids of the claims recorded now.
    public var added: [String]
    /// Ids of the claims already recorded exactly so.
    public var unchanged: [String]
}

/// What `record_json` holds: the claim as read (with its exact interval) and the record as the
/// claims file wrote it.
struct ClaimRow: Codable {
    var claim: Claim
    var record: ClaimRecord
}

extension Catalogue {
    /// Imports the claims of a validated claims file, all or nothing, in one transaction with one
    /// `claims-imported` custody event. Every article a claim names must be recorded already. A
    /// claim whose id is recorded with the same content is left as it is; with different content
    /// the whole import is refused (claims are written once).
    public func importClaims(_ file: ClaimsFile, sourceFile: String) throws(CatalogueError) -> ClaimImportSummary {
        let records = Dictionary(file.document.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var rows: [(claim: Claim, json: String, ambiguous: Bool)] = []
        for claim in file.claims {
            let record = records[claim.id] ?? ClaimRecord(id: claim.id, article: claim.articleId, kind: claim.kind,
                                                          quote: claim.quote, timing: claim.timing)
            let json: String
            do { json = String(decoding: try encoder.encode(ClaimRow(claim: claim, record: record)), as: UTF8.self) } catch {
                throw .database(path: sourceFile, message: "claim \(claim.id) could not be encoded: \(error)", ioFailure: false)
            }
            let ambiguous = claim.interval?.ambiguous == true && record.reading == nil
            rows.append((claim, json, ambiguous))
        }
        let now = ISOTime.now()
        let actor = identity.actor
        return try write { db in
            var articleIDs: [String: Int64] = [:]
            var summary = ClaimImportSummary(file: sourceFile, added: [], unchanged: [])
            for row in rows {
                var articleID: Int64?
                if let handle = row.claim.articleId {
                    if let known = articleIDs[handle] {
                        articleID = known
                    } else if let found = try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE handle = ?", arguments: [handle]) {
                        articleIDs[handle] = found
                        articleID = found
                    } else {
                        throw CatalogueError.rejected(.claimArticleMissing(claim: row.claim.id, article: handle, file: sourceFile))
                    }
                }
                if let existing = try Row.fetchOne(db, sql: "SELECT record_json FROM claims WHERE handle = ?",
                                                   arguments: [row.claim.id]) {
                    let stored = try? JSONDecoder().decode(ClaimRow.self, from: Data((existing[0] as String).utf8))
                    guard stored?.claim == row.claim else {
                        throw CatalogueError.rejected(.claimDiffers(claim: row.claim.id, file: sourceFile))
                    }
                    summary.unchanged.append(row.claim.id)
                    continue
                }
                try db.execute(sql: """
                    INSERT INTO claims (handle, article_id, kind, record_json, ambiguous, source_file, imported_at, imported_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [row.claim.id, articleID, row.claim.kind.rawValue, row.json, row.ambiguous,
                                     sourceFile, now, actor])
                summary.added.append(row.claim.id)
            }
            if !summary.added.isEmpty {
                _ = try appendEvent(db, action: .claimsImported, clipID: nil, details: try Self.detailsJSON(summary))
            }
            return summary
        }
    }

    /// The claim with this id; refused with a message naming it when there is none.
    public func claim(handle: String) throws(CatalogueError) -> StoredClaim {
        let found: StoredClaim? = try read { db in
            try Row.fetchOne(db, sql: Self.claimSelect + " WHERE c.handle = ?", arguments: [handle]).map(Self.storedClaim)
        }
        guard let found else { throw .rejected(.noSuchClaim(handle: handle)) }
        return found
    }

    /// Every claim, in import order.
    public func claims() throws(CatalogueError) -> [StoredClaim] {
        try read { db in
            try Row.fetchAll(db, sql: Self.claimSelect + " ORDER BY c.id").map(Self.storedClaim)
        }
    }

    /// The claims of one article, in import order.
    public func claims(article handle: String) throws(CatalogueError) -> [StoredClaim] {
        try read { db in
            try Row.fetchAll(db, sql: Self.claimSelect + " WHERE a.handle = ? ORDER BY c.id", arguments: [handle])
                .map(Self.storedClaim)
        }
    }

    /// The claim row's id for a handle, inside a transaction.
    static func claimRowID(_ db: Database, handle: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM claims WHERE handle = ?", arguments: [handle]) else {
            throw CatalogueError.rejected(.noSuchClaim(handle: handle))
        }
        return id
    }

    /// The claim stored in a row's `record_json`.
    static func decodeClaim(_ json: String, handle: String) throws -> ClaimRow {
        do { return try JSONDecoder().decode(ClaimRow.self, from: Data(json.utf8)) } catch {
            throw CatalogueError.database(path: "claims", message: "stored claim \(handle) cannot be read: \(error)", ioFailure: false)
        }
    }

    static let claimSelect = """
        SELECT c.handle, c.record_json, c.ambiguous, c.source_file, c.imported_at, c.imported_by, a.handle AS article
        FROM claims c LEFT JOIN articles a ON a.id = c.article_id
        """

    static func storedClaim(_ row: Row) throws -> StoredClaim {
        let decoded = try decodeClaim(row["record_json"], handle: row["handle"])
        return StoredClaim(claim: decoded.claim, article: row["article"], ambiguous: row["ambiguous"],
                           sourceFile: row["source_file"], importedAt: row["imported_at"], importedBy: row["imported_by"])
    }
}

/// A claim with the clips it is linked to and the latest verdict for each, for listings.
public struct ClaimListing: Sendable, Hashable, Codable {
    public var claim: StoredClaim
    public var links: [ClaimLink]
    /// The latest verdict per clip (and for the claim checked unlinked, if it was).
    public var latestVerdicts: [StoredVerdict]

    enum CodingKeys: String, CodingKey {
        case claim, links
        case latestVerdicts = "latest_verdicts"
    }
}

extension Catalogue {
    /// Every claim (or one article's) with its links and latest verdicts, in import order.
    public func claimListing(article: String? = nil) throws(CatalogueError) -> [ClaimListing] {
        try read { db in
            let filter = article == nil ? "" : " WHERE a.handle = ?"
            let arguments: StatementArguments = article.map { [$0] } ?? []
            let claimRows = try Row.fetchAll(db, sql: """
                SELECT c.id AS row_id, c.handle, c.record_json, c.ambiguous, c.source_file, c.imported_at, c.imported_by,
                       a.handle AS article
                FROM claims c LEFT JOIN articles a ON a.id = c.article_id\(filter) ORDER BY c.id
                """, arguments: arguments)
            var links: [Int64: [ClaimLink]] = [:]
            var verdicts: [Int64: [StoredVerdict]] = [:]
            let linkRows = try Row.fetchAll(db, sql: """
                SELECT l.*, k.digest, c.handle FROM claim_links l JOIN clips k ON k.id = l.clip_id
                JOIN claims c ON c.id = l.claim_id ORDER BY l.id
                """)
            for row in linkRows {
                links[row["claim_id"], default: []].append(
                    Self.claimLink(row, claim: row["handle"], clip: SHA256Digest(hex: row["digest"]) ?? .zero))
            }
            let verdictRows = try Row.fetchAll(db, sql: Self.verdictSelect + """
                WHERE v.id IN (SELECT max(id) FROM verdicts GROUP BY claim_id, clip_id) ORDER BY v.id
                """)
            for row in verdictRows {
                let verdict = try Self.storedVerdict(row)
                verdicts[row["claim_row"], default: []].append(verdict)
            }
            return try claimRows.map { row in
                let id: Int64 = row["row_id"]
                return ClaimListing(claim: try Self.storedClaim(row), links: links[id] ?? [], latestVerdicts: verdicts[id] ?? [])
            }
        }
    }
}
