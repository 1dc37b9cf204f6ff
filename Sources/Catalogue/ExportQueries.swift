public import FootageModel
import Foundation
import GRDB
import Vault

extension Catalogue {
    /// Reads everything an export of `scope` needs, in one read transaction so that the parts
    /// agree with each other. Read-only: the export's own custody events are appended by the
    /// caller once the export is written.
    public func exportRecords(_ scope: ExportScope) throws(CatalogueError) -> ExportRecords {
        let vault = self.vault
        return try read { db in
            var records = ExportRecords()
            let (clipIDs, claimIDs, unknown) = try Self.selection(db, scope)
            records.unknownArticles = unknown

            var digests: [Int64: SHA256Digest] = [:]
            for id in clipIDs {
                guard let clip = try Self.clip(db, id: id) else { throw CatalogueError.noSuchClip(prefix: "#\(id)") }
                digests[id] = clip.digest
                let collections = try Row.fetchAll(db, sql: "SELECT * FROM collections WHERE clip_id = ? ORDER BY id",
                                                   arguments: [id]).map(Self.collection)
                let bytesPath = clip.inVault ? vault.objectPath(for: clip.digest)
                    : (clip.inPlacePath.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "")
                records.clips.append(.init(clip: clip, collections: collections, bytesPath: bytesPath))
            }

            var articleIDs: [Int64] = []
            for id in claimIDs {
                guard let row = try Row.fetchOne(db, sql: Self.claimSelect + " WHERE c.id = ?", arguments: [id]) else { continue }
                let stored = try Self.storedClaim(row)
                let links = try Row.fetchAll(db, sql: """
                    SELECT l.*, k.digest FROM claim_links l JOIN clips k ON k.id = l.clip_id
                    WHERE l.claim_id = ? ORDER BY l.id
                    """, arguments: [id]).compactMap { link -> ClaimLink? in
                    guard digests[link["clip_id"]] != nil, let digest = SHA256Digest(hex: link["digest"]) else { return nil }
                    return Self.claimLink(link, claim: stored.claim.id, clip: digest)
                }
                if let article = try Int64.fetchOne(db, sql: "SELECT article_id FROM claims WHERE id = ?", arguments: [id]),
                   !articleIDs.contains(article) { articleIDs.append(article) }
                records.claims.append(.init(stored: stored, links: links))
            }
            if scope.everything {
                articleIDs = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
            } else {
                for name in scope.articles {
                    if let id = try Self.articleID(db, name), !articleIDs.contains(id) { articleIDs.append(id) }
                }
            }
            for id in articleIDs.sorted() {
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM articles WHERE id = ?", arguments: [id]) {
                    records.articles.append(Self.article(row))
                }
            }

            for id in clipIDs {
                guard let digest = digests[id] else { continue }
                records.marks += try Row.fetchAll(db, sql: "SELECT * FROM marks WHERE clip_id = ?", arguments: [id]).map { row in
                    Mark(id: row["id"], clip: digest, at: ExactSeconds(row["at_num"] as Int64, row["at_den"] as Int64) ?? .zero,
                         label: row["label"], markedBy: row["marked_by"], markedAt: row["marked_at"], note: row["note"])
                }.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM analyses WHERE clip_id = ? ORDER BY id DESC LIMIT 1",
                                              arguments: [id]) {
                    records.analyses.append(.init(clipDigest: digest, analysedAt: row["analysed_at"],
                                                  toolVersion: row["tool_version"], reportJSON: row["report_json"]))
                }
                records.derived += try Row.fetchAll(db, sql: "SELECT * FROM derived_files WHERE clip_id = ? ORDER BY id",
                                                    arguments: [id]).compactMap { row in
                    guard let file = SHA256Digest(hex: row["digest"]) else { return nil }
                    return .init(clipDigest: digest, digest: file, kind: row["kind"], mediaType: row["media_type"],
                                 size: row["size"], createdAt: row["created_at"], objectPath: vault.objectPath(for: file))
                }
            }

            let claimSet = Set(claimIDs)
            let verdictRows = try Row.fetchAll(db, sql: Self.verdictSelect + """
                WHERE v.id IN (SELECT max(id) FROM verdicts GROUP BY claim_id, clip_id) ORDER BY v.id
                """)
            for row in verdictRows where claimSet.contains(row["claim_row"]) {
                let clipID: Int64? = row["clip_id"]
                if let clipID, digests[clipID] == nil { continue }
                records.verdicts.append(try Self.storedVerdict(row))
            }

            let included = Set(clipIDs)
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM custody_events WHERE clip_id IS NOT NULL ORDER BY id")
            while let row = try cursor.next() {
                let event = Self.event(row)
                guard let clipID = event.clipID, included.contains(clipID) else { continue }
                records.custody.append(.init(event: event, clipDigest: digests[clipID], chainDigest: Self.chainDigest(of: event)))
            }
            return records
        }
    }

    /// The clip and claim row ids in scope, and the article names that matched nothing.
    private static func selection(_ db: Database, _ scope: ExportScope) throws -> (clips: [Int64], claims: [Int64], unknown: [String]) {
        if scope.everything {
            return (try Int64.fetchAll(db, sql: "SELECT id FROM clips ORDER BY id"),
                    try Int64.fetchAll(db, sql: "SELECT id FROM claims ORDER BY id"), [])
        }
        var clips: [Int64] = []
        var claims: [Int64] = []
        var unknown: [String] = []
        func addClip(_ id: Int64) { if !clips.contains(id) { clips.append(id) } }
        func addClaim(_ id: Int64) { if !claims.contains(id) { claims.append(id) } }
        for id in scope.clipIDs {
            addClip(id)
            for claim in try Int64.fetchAll(db, sql: "SELECT claim_id FROM claim_links WHERE clip_id = ? ORDER BY claim_id",
                                            arguments: [id]) { addClaim(claim) }
        }
        for name in scope.articles {
            guard let article = try articleID(db, name) else {
                unknown.append(name)
                continue
            }
            for claim in try Int64.fetchAll(db, sql: "SELECT id FROM claims WHERE article_id = ? ORDER BY id", arguments: [article]) {
                addClaim(claim)
                for clip in try Int64.fetchAll(db, sql: "SELECT clip_id FROM claim_links WHERE claim_id = ? ORDER BY clip_id",
                                               arguments: [claim]) { addClip(clip) }
            }
        }
        return (clips, claims.sorted(), unknown)
    }

    private static func articleID(_ db: Database, _ name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE handle = ? OR url = ? ORDER BY id LIMIT 1", arguments: [name, name])
    }
}
