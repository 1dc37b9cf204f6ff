import FootageModel
import Foundation
import GRDB

/// The query behind each reason of `footage unresolved`. Each reads at most `limit` rows in a
/// stable order (clip or claim row order) through an index (see `Schema.version3`).
enum UnresolvedSQL {
    /// Clips the latest verify run found changed.
    static func hashMismatch(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        guard let run = try Row.fetchOne(db, sql: verifyRun) else { return [] }
        let rows = try Row.fetchAll(db, sql: changedClips, arguments: [run["details"] as String, limit])
        return rows.compactMap { row in
            guard let digest = SHA256Digest(hex: row["digest"]) else { return nil }
            return UnresolvedItem(reason: .hashMismatch, clip: digest, claim: nil,
                                  detail: "verify (event #\(run["id"] as Int64), \(run["occurred_at"] as String)) found its bytes changed",
                                  next: "footage provenance \(digest.short)")
        }
    }

    static func probeFailed(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        try Row.fetchAll(db, sql: probeFailedClips, arguments: [limit]).compactMap { row in
            guard let digest = SHA256Digest(hex: row[0]) else { return nil }
            return UnresolvedItem(reason: .probeFailed, clip: digest, claim: nil,
                                  detail: "the probe could not read it: \(row[1] as String)", next: "footage show \(digest.short)")
        }
    }

    /// The latest verdict of a pair is inconsistent or inconclusive (and not out of date: the
    /// link was not moved after it).
    static func unsettledVerdicts(_ db: Database, outcome: UnresolvedReason, limit: Int) throws -> [UnresolvedItem] {
        let rows = try Row.fetchAll(db, sql: unsettledVerdictPairs, arguments: [outcome.rawValue, limit])
        return try rows.map { row in
            let handle: String = row["handle"]
            let claim = try Catalogue.decodeClaim(row["record_json"], handle: handle).claim
            let verdict = try? JSONDecoder().decode(Verdict.self, from: Data((row["verdict_json"] as String).utf8))
            let digest = (row["digest"] as String?).flatMap(SHA256Digest.init(hex:))
            let moment = claim.interval.map { $0.bounds.start + (verdict?.offset ?? .zero) }
            let next: String
            switch (outcome, digest) {
            case (.inconclusive, let clip?):
                next = "footage mark \(clip.short) --at \(moment?.description ?? "T") --label \(claim.event ?? "EVENT")"
            case (_, let clip?):
                next = moment.map { "footage frames \(clip.short) --at \($0)" } ?? "footage check \(handle)"
            case (_, nil):
                next = "footage check \(handle)"
            }
            return UnresolvedItem(reason: outcome, clip: digest, claim: handle,
                                  detail: verdict?.explanation ?? "the latest verdict is \(outcome.rawValue)", next: next)
        }
    }

    /// Linked pairs on a variable-frame-rate clip (per its latest probe) where the claim needs
    /// timing finer than the clip's longest frame, or the latest verdict's measurement lies
    /// within one such frame of an edge of the claimed interval.
    static func variableFrameRate(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        var items: [UnresolvedItem] = []
        let cursor = try Row.fetchCursor(db, sql: variableRatePairs)
        while items.count < limit, let row = try cursor.next() {
            let handle: String = row["handle"]
            guard let digest = SHA256Digest(hex: row["digest"]),
                  let frame = VariableFrameRate.longestFrame(probeJSON: row["probe"]),
                  let interval = try Catalogue.decodeClaim(row["record_json"], handle: handle).claim.interval else { continue }
            let offset = ExactSeconds(row["offset_num"] as Int64, row["offset_den"] as Int64) ?? .zero
            let verdict = (row["verdict"] as String?).flatMap { try? JSONDecoder().decode(Verdict.self, from: Data($0.utf8)) }
            guard let why = VariableFrameRate.uncertainty(interval: interval, offset: offset, longestFrame: frame,
                                                          verdict: verdict) else { continue }
            items.append(UnresolvedItem(reason: .vfrUncertain, clip: digest, claim: handle, detail: why,
                                        next: "footage frames \(digest.short) --at \(interval.bounds.start + offset)"))
        }
        return items
    }

    static func ambiguous(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        try Row.fetchAll(db, sql: ambiguousClaims, arguments: [limit]).map { row in
            let handle: String = row["handle"]
            let claim = try Catalogue.decodeClaim(row["record_json"], handle: handle).claim
            var detail = "\"\(claim.timing ?? claim.interval?.written ?? "")\""
            if let interval = claim.interval {
                detail += " reads as \(interval.bounds.notation)"
                if let other = interval.alternative { detail += "; also as \"\(other.expression)\" \(other.bounds.notation)" }
            }
            return UnresolvedItem(reason: .ambiguousTimeExpression, clip: nil, claim: handle, detail: detail,
                                  next: "footage claims import FILE (new id with reading: strict or alternative)")
        }
    }

    /// Visual claims linked to a clip with no mark labelled with the claim's id.
    static func needsPerson(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        try Row.fetchAll(db, sql: unjudgedVisualPairs, arguments: [limit]).compactMap { row in
            let handle: String = row["handle"]
            guard let digest = SHA256Digest(hex: row["digest"]) else { return nil }
            let claim = try Catalogue.decodeClaim(row["record_json"], handle: handle).claim
            let offset = ExactSeconds(row["offset_num"] as Int64, row["offset_den"] as Int64) ?? .zero
            let at = claim.interval.map { ($0.bounds.start + offset).description }
            let look = at.map { "--at \($0)" } ?? "--every 1"
            return UnresolvedItem(reason: .needsPerson, clip: digest, claim: handle,
                                  detail: "a person must judge the frames: \"\(claim.quote)\"",
                                  next: "footage frames \(digest.short) \(look); footage mark \(digest.short) --at \(at ?? "T") --label \(handle)")
        }
    }

    /// Linked pairs (not visual) with no verdict yet, whose latest verdict is `unchecked`, or
    /// whose link was moved to a new offset after the latest verdict (which is then out of date).
    static func unchecked(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        try Row.fetchAll(db, sql: uncheckedPairs, arguments: [limit]).compactMap { row in
            guard let digest = SHA256Digest(hex: row["digest"]) else { return nil }
            let detail = switch row["state"] as String? {
            case "stale": "linked again with a new offset after the latest check"
            case "unchecked": "the latest check could not check it"
            default: "linked, not yet checked"
            }
            return UnresolvedItem(reason: .unchecked, clip: digest, claim: row["handle"], detail: detail,
                                  next: "footage check \(digest.short)")
        }
    }

    /// Readable clips with event, order or count claims linked and no stored analysis.
    static func notAnalyzed(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        try Row.fetchAll(db, sql: unanalysedClips, arguments: [limit]).compactMap { row in
            guard let digest = SHA256Digest(hex: row["digest"]) else { return nil }
            let waiting: Int = row["waiting"]
            return UnresolvedItem(reason: .notAnalyzed, clip: digest, claim: nil,
                                  detail: "\(waiting) event claim\(waiting == 1 ? "" : "s") linked; no audio events or cuts stored",
                                  next: "footage analyze \(digest.short)")
        }
    }

    /// Claims no clip is linked to: described footage, or any other kind.
    static func unlinked(_ db: Database, reason: UnresolvedReason, limit: Int) throws -> [UnresolvedItem] {
        let described = reason == .describedFootageNotRegistered
        return try Row.fetchAll(db, sql: described ? unregisteredFootageClaims : unlinkedClaims, arguments: [limit]).map { row in
            let handle: String = row["handle"]
            let claim = try Catalogue.decodeClaim(row["record_json"], handle: handle).claim
            let source = (row["url"] as String?).map { " (\($0))" } ?? ""
            if described {
                return UnresolvedItem(reason: reason, clip: nil, claim: handle,
                                      detail: "described, not held: \"\(claim.quote)\"\(source)",
                                      next: "footage register FILE --source URL; footage link \(handle) CLIP")
            }
            let what = claim.kind == .noFootage ? "no footage is offered for it" : "no clip is linked"
            return UnresolvedItem(reason: reason, clip: nil, claim: handle, detail: "\(what): \"\(claim.quote)\"",
                                  next: "footage link \(handle) CLIP")
        }
    }

    static func clipsWithoutClaims(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        try Row.fetchAll(db, sql: unlinkedClips, arguments: [limit]).compactMap { row in
            guard let digest = SHA256Digest(hex: row["digest"]) else { return nil }
            return UnresolvedItem(reason: .clipWithoutClaims, clip: digest, claim: nil,
                                  detail: "no claim is linked to this clip from \(ClipFileName.terminalSafe(row["listed_source"]))",
                                  next: "footage link CLAIM \(digest.short)")
        }
    }

    // The queries, one per reason; `planProbes` lists them for the test that reads their plans.
    static let verifyRun = """
        SELECT id, occurred_at, details FROM custody_events WHERE action = 'verified' ORDER BY id DESC LIMIT 1
        """
    static let changedClips = """
        SELECT k.digest FROM json_each(?, '$.changed') j JOIN clips k ON k.digest = j.value ORDER BY k.id LIMIT ?
        """
    static let probeFailedClips = """
        SELECT digest, listed_probe_failure FROM clips WHERE listed_probe_failure IS NOT NULL ORDER BY id LIMIT ?
        """
    static let unsettledVerdictPairs = """
        SELECT v.verdict_json, v.claim_id, c.handle, c.record_json, k.digest
        FROM verdicts v INDEXED BY verdicts_by_outcome
        JOIN claims c ON c.id = v.claim_id LEFT JOIN clips k ON k.id = v.clip_id
        WHERE v.outcome = ?
          AND v.id = (SELECT max(w.id) FROM verdicts w WHERE w.claim_id = v.claim_id AND w.clip_id IS v.clip_id)
          AND NOT EXISTS (SELECT 1 FROM claim_links l
                          WHERE l.claim_id = v.claim_id AND l.clip_id = v.clip_id AND l.linked_at > v.checked_at)
        ORDER BY v.id LIMIT ?
        """
    static let variableRatePairs = """
        SELECT p.record_json AS probe, k.digest, c.handle, c.record_json, l.offset_num, l.offset_den,
               (SELECT v.verdict_json FROM verdicts v WHERE v.claim_id = l.claim_id AND v.clip_id = l.clip_id
                ORDER BY v.id DESC LIMIT 1) AS verdict
        FROM probes p INDEXED BY probes_variable_frame_rate
        JOIN clips k ON k.id = p.clip_id
        JOIN claim_links l ON l.clip_id = p.clip_id
        JOIN claims c ON c.id = l.claim_id
        WHERE instr(p.record_json, '"variable_frame_rate":true') > 0
          AND p.id = (SELECT max(q.id) FROM probes q WHERE q.clip_id = p.clip_id)
        ORDER BY p.clip_id, c.id
        """
    static let ambiguousClaims = """
        SELECT handle, record_json FROM claims INDEXED BY claims_ambiguous WHERE ambiguous = 1 ORDER BY id LIMIT ?
        """
    static let unjudgedVisualPairs = """
        SELECT c.handle, c.record_json, k.digest, l.offset_num, l.offset_den
        FROM claims c INDEXED BY claims_by_kind
        JOIN claim_links l ON l.claim_id = c.id JOIN clips k ON k.id = l.clip_id
        WHERE c.kind = 'visual' AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.clip_id = l.clip_id AND m.label = c.handle)
        ORDER BY c.id, l.clip_id LIMIT ?
        """
    static let uncheckedPairs = """
        SELECT c.handle, k.digest,
               (SELECT CASE WHEN v.checked_at < l.linked_at THEN 'stale' ELSE v.outcome END FROM verdicts v
                WHERE v.claim_id = l.claim_id AND v.clip_id = l.clip_id ORDER BY v.id DESC LIMIT 1) AS state
        FROM claim_links l JOIN claims c ON c.id = l.claim_id JOIN clips k ON k.id = l.clip_id
        WHERE c.kind <> 'visual' AND coalesce(state, 'none') IN ('none', 'unchecked', 'stale')
        ORDER BY l.id LIMIT ?
        """
    static let unanalysedClips = """
        SELECT k.digest,
               (SELECT count(*) FROM claim_links l JOIN claims c ON c.id = l.claim_id
                WHERE l.clip_id = k.id AND c.kind IN ('event', 'order', 'count')) AS waiting
        FROM clips k
        WHERE k.listed_probe_failure IS NULL
          AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.clip_id = k.id)
          AND EXISTS (SELECT 1 FROM claim_links l JOIN claims c ON c.id = l.claim_id
                      WHERE l.clip_id = k.id AND c.kind IN ('event', 'order', 'count'))
        ORDER BY k.id LIMIT ?
        """
    static let unlinkedClips = """
        SELECT k.digest, k.listed_source FROM clips k
        WHERE NOT EXISTS (SELECT 1 FROM claim_links l WHERE l.clip_id = k.id) ORDER BY k.id LIMIT ?
        """
    static let unlinkedClaims = """
        SELECT c.handle, c.record_json, a.url FROM claims c LEFT JOIN articles a ON a.id = c.article_id
        WHERE c.kind <> 'described_footage' AND NOT EXISTS (SELECT 1 FROM claim_links l WHERE l.claim_id = c.id)
        ORDER BY c.id LIMIT ?
        """
    static let unregisteredFootageClaims = """
        SELECT c.handle, c.record_json, a.url FROM claims c INDEXED BY claims_by_kind LEFT JOIN articles a ON a.id = c.article_id
        WHERE c.kind = 'described_footage' AND NOT EXISTS (SELECT 1 FROM claim_links l WHERE l.claim_id = c.id)
        ORDER BY c.id LIMIT ?
        """

    /// Every query with sample arguments. Names ending "in row order" walk a table in row order
    /// and stop once the page is full; every other one starts from an index.
    static func planProbes() -> [(name: String, sql: String, arguments: StatementArguments)] {
        [
            ("verify run", verifyRun, []), ("changed clips", changedClips, ["{\"changed\":[]}", 51]),
            ("probe failed", probeFailedClips, [51]), ("unsettled verdicts", unsettledVerdictPairs, ["inconsistent", 51]),
            ("variable frame rate", variableRatePairs, []), ("ambiguous", ambiguousClaims, [51]),
            ("needs person", unjudgedVisualPairs, [51]), ("unchecked in row order", uncheckedPairs, [51]),
            ("not analysed in row order", unanalysedClips, [51]), ("unlinked claims in row order", unlinkedClaims, [51]),
            ("described footage", unregisteredFootageClaims, [51]), ("clips without claims in row order", unlinkedClips, [51]),
        ]
    }
}
