public import FootageModel
import GRDB

/// One verdict to store with `storeVerdicts`: on which claim, for which clip (`nil`: the claim is
/// linked to none), from which stored analysis.
public struct VerdictToStore: Sendable, Hashable {
    public var verdict: Verdict
    public var claim: String
    public var clipID: Int64?
    public var analysisID: Int64?

    public init(verdict: Verdict, claim: String, clipID: Int64?, analysisID: Int64?) {
        self.verdict = verdict
        self.claim = claim
        self.clipID = clipID
        self.analysisID = analysisID
    }
}

/// What a `checked` custody event records.
private struct CheckedDetails: Encodable {
    var verdict: Int64
    var claim: String
    var outcome: VerdictOutcome
    var analysis: Int64?
}

extension Catalogue {
    /// Stores the verdicts of one check, each with its `checked` custody event, all in one
    /// transaction (one commit to disk however many claims a clip has); returns their row ids in
    /// order. Either every verdict is stored or none is.
    public func storeVerdicts(_ items: [VerdictToStore]) throws(CatalogueError) -> [Int64] {
        guard !items.isEmpty else { return [] }
        var texts: [String] = []
        for item in items { texts.append(try Self.verdictJSON(item.verdict)) }
        let now = ISOTime.now()
        let actor = identity.actor
        return try write { db in
            var ids: [Int64] = []
            for (item, json) in zip(items, texts) {
                let claimID = try Self.claimRowID(db, handle: item.claim)
                try db.execute(sql: """
                    INSERT INTO verdicts (claim_id, clip_id, outcome, checked_at, checked_by, analysis_id, verdict_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [claimID, item.clipID, item.verdict.outcome.rawValue, now, actor, item.analysisID, json])
                let id = db.lastInsertedRowID
                let details = CheckedDetails(verdict: id, claim: item.claim, outcome: item.verdict.outcome,
                                             analysis: item.analysisID)
                _ = try appendEvent(db, action: .checked, clipID: item.clipID, details: try Self.detailsJSON(details))
                ids.append(id)
            }
            return ids
        }
    }
}
