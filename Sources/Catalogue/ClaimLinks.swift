public import FootageModel
import GRDB

/// What linking a claim to a clip came to.
public enum LinkOutcome: Sendable, Hashable {
    /// A new link.
    case linked(ClaimLink)
    /// The link existed with another offset and now has the new one.
    case relinked(ClaimLink, previousOffset: ExactSeconds)
    /// The link existed with this offset already: nothing changed.
    case unchanged(ClaimLink)

    public var link: ClaimLink {
        switch self {
        case let .linked(link), let .relinked(link, _), let .unchanged(link): link
        }
    }
}

/// A claim linked to a clip, with the link's offset.
public struct LinkedClaim: Sendable, Hashable {
    public var claim: StoredClaim
    public var link: ClaimLink
}

/// What a `linked` custody event records.
private struct LinkedDetails: Encodable {
    var claim: String
    var offset: String
    var previousOffset: String?

    enum CodingKeys: String, CodingKey {
        case claim, offset
        case previousOffset = "previous_offset"
    }
}

extension Catalogue {
    /// Links a claim to a clip with an exact offset (where the article's excerpt starts in the
    /// clip), with a `linked` custody event on the clip in the same transaction. Linking again
    /// with another offset updates the link and the event records both offsets.
    public func link(claim handle: String, clipID: Int64, offset: ExactSeconds) throws(CatalogueError) -> LinkOutcome {
        let now = ISOTime.now()
        let actor = identity.actor
        return try write { db in
            let claimID = try Self.claimRowID(db, handle: handle)
            guard let digestText = try String.fetchOne(db, sql: "SELECT digest FROM clips WHERE id = ?", arguments: [clipID]),
                  let digest = SHA256Digest(hex: digestText) else {
                throw CatalogueError.noSuchClip(prefix: "#\(clipID)")
            }
            let link = ClaimLink(claim: handle, clip: digest, clipID: clipID, offset: offset, linkedAt: now, linkedBy: actor)
            var previous: ExactSeconds?
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM claim_links WHERE claim_id = ? AND clip_id = ?",
                                          arguments: [claimID, clipID]) {
                let existing = Self.claimLink(row, claim: handle, clip: digest)
                if existing.offset == offset { return .unchanged(existing) }
                previous = existing.offset
                try db.execute(sql: """
                    UPDATE claim_links SET offset_num = ?, offset_den = ?, linked_at = ?, linked_by = ?
                    WHERE claim_id = ? AND clip_id = ?
                    """, arguments: [offset.numerator, offset.denominator, now, actor, claimID, clipID])
            } else {
                try db.execute(sql: """
                    INSERT INTO claim_links (claim_id, clip_id, offset_num, offset_den, linked_at, linked_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [claimID, clipID, offset.numerator, offset.denominator, now, actor])
            }
            let details = LinkedDetails(claim: handle, offset: offset.description, previousOffset: previous?.description)
            _ = try appendEvent(db, action: .linked, clipID: clipID, details: try Self.detailsJSON(details))
            if let previous { return .relinked(link, previousOffset: previous) }
            return .linked(link)
        }
    }

    /// The claims linked to a clip, with each link's offset, in import order of the claims.
    public func linkedClaims(clipID: Int64) throws(CatalogueError) -> [LinkedClaim] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.handle, c.record_json, c.ambiguous, c.source_file, c.imported_at, c.imported_by, a.handle AS article,
                       l.offset_num, l.offset_den, l.linked_at, l.linked_by, l.clip_id, k.digest
                FROM claim_links l
                JOIN claims c ON c.id = l.claim_id
                JOIN clips k ON k.id = l.clip_id
                LEFT JOIN articles a ON a.id = c.article_id
                WHERE l.clip_id = ? ORDER BY c.id
                """, arguments: [clipID])
            return try rows.map { row in
                let stored = try Self.storedClaim(row)
                return LinkedClaim(claim: stored, link: Self.claimLink(row, claim: stored.claim.id,
                                                                       clip: SHA256Digest(hex: row["digest"]) ?? .zero))
            }
        }
    }

    /// Every clip some claim is linked to, by row id, and the claims linked to no clip: what
    /// `footage check` with no argument works through, in two queries however many claims there are.
    public func checkWorklist() throws(CatalogueError) -> (clipIDs: [Int64], unlinked: [StoredClaim]) {
        try read { db in
            let clipIDs = try Int64.fetchAll(db, sql: "SELECT DISTINCT clip_id FROM claim_links ORDER BY clip_id")
            let unlinked = try Row.fetchAll(db, sql: Self.claimSelect + """
                 WHERE NOT EXISTS (SELECT 1 FROM claim_links l WHERE l.claim_id = c.id) ORDER BY c.id
                """).map(Self.storedClaim)
            return (clipIDs, unlinked)
        }
    }

    /// The clips a claim is linked to, in the order linked.
    public func links(claim handle: String) throws(CatalogueError) -> [ClaimLink] {
        try read { db in
            let claimID = try Self.claimRowID(db, handle: handle)
            return try Row.fetchAll(db, sql: """
                SELECT l.*, k.digest FROM claim_links l JOIN clips k ON k.id = l.clip_id
                WHERE l.claim_id = ? ORDER BY l.id
                """, arguments: [claimID]).map { row in
                Self.claimLink(row, claim: handle, clip: SHA256Digest(hex: row["digest"]) ?? .zero)
            }
        }
    }

    static func claimLink(_ row: Row, claim: String, clip: SHA256Digest) -> ClaimLink {
        ClaimLink(claim: claim, clip: clip, clipID: row["clip_id"],
                  offset: ExactSeconds(row["offset_num"] as Int64, row["offset_den"] as Int64) ?? .zero,
                  linkedAt: row["linked_at"], linkedBy: row["linked_by"])
    }
}
