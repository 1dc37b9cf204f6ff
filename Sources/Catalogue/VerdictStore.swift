public import FootageModel
import Foundation
import GRDB

extension Catalogue {
    /// Stores a verdict on a claim (for a clip, or `nil` when the claim is linked to none) and
    /// the `checked` custody event in the same transaction; returns the verdict's row id.
    /// Verdicts are written once: a later check adds a newer one.
    @discardableResult
    public func storeVerdict(_ verdict: Verdict, claim handle: String, clip clipID: Int64?,
                             analysisID: Int64?) throws(CatalogueError) -> Int64 {
        let item = VerdictToStore(verdict: verdict, claim: handle, clipID: clipID, analysisID: analysisID)
        // One code path for one verdict and a batch, so both write the same rows and events.
        let ids = try storeVerdicts([item])
        return ids[0]
    }

    /// The latest verdict on each claim checked against this clip, in claim import order.
    public func latestVerdicts(clipID: Int64) throws(CatalogueError) -> [StoredVerdict] {
        try read { db in
            try Row.fetchAll(db, sql: Self.verdictSelect + """
                WHERE v.id IN (SELECT max(id) FROM verdicts WHERE clip_id = ? GROUP BY claim_id)
                ORDER BY v.claim_id
                """, arguments: [clipID]).map(Self.storedVerdict)
        }
    }

    /// The latest verdict on a claim for each clip it was checked against (and without a clip,
    /// if it was checked unlinked), in clip order.
    public func latestVerdicts(claim handle: String) throws(CatalogueError) -> [StoredVerdict] {
        try read { db in
            let claimID = try Self.claimRowID(db, handle: handle)
            return try Row.fetchAll(db, sql: Self.verdictSelect + """
                WHERE v.id IN (SELECT max(id) FROM verdicts WHERE claim_id = ? GROUP BY clip_id)
                ORDER BY v.clip_id
                """, arguments: [claimID]).map(Self.storedVerdict)
        }
    }

    /// The latest verdict on one claim for one clip (`nil` clip: checked unlinked), if any.
    public func latestVerdict(claim handle: String, clipID: Int64?) throws(CatalogueError) -> StoredVerdict? {
        try read { db in
            let claimID = try Self.claimRowID(db, handle: handle)
            return try Row.fetchOne(db, sql: Self.verdictSelect + """
                WHERE v.claim_id = ? AND v.clip_id IS ? ORDER BY v.id DESC LIMIT 1
                """, arguments: [claimID, clipID]).map(Self.storedVerdict)
        }
    }

    static let verdictSelect = """
        SELECT v.id, v.claim_id AS claim_row, v.clip_id, v.checked_at, v.checked_by, v.analysis_id, v.verdict_json, c.handle, k.digest
        FROM verdicts v JOIN claims c ON c.id = v.claim_id LEFT JOIN clips k ON k.id = v.clip_id

        """

    static func storedVerdict(_ row: Row) throws -> StoredVerdict {
        let json: String = row["verdict_json"]
        let verdict: Verdict
        do { verdict = try JSONDecoder().decode(Verdict.self, from: Data(json.utf8)) } catch {
            throw CatalogueError.database(path: "verdicts", message: "stored verdict \(row["id"] as Int64) cannot be read: \(error)",
                                          ioFailure: false)
        }
        let digest: String? = row["digest"]
        return StoredVerdict(id: row["id"], claim: row["handle"], clip: digest.flatMap(SHA256Digest.init(hex:)), verdict: verdict,
                             checkedAt: row["checked_at"], checkedBy: row["checked_by"], analysisID: row["analysis_id"])
    }

    static func verdictJSON(_ verdict: Verdict) throws(CatalogueError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return String(decoding: try encoder.encode(verdict), as: UTF8.self) } catch {
            throw .database(path: "verdicts", message: "verdict on \(verdict.claimId) could not be encoded: \(error)", ioFailure: false)
        }
    }
}
