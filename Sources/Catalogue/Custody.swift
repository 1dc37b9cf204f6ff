public import FootageModel
import Foundation
import GRDB
import Vault

extension Catalogue {
    /// Appends one custody event, in its own transaction. This is the one call later commands
    /// use (`probe`, `analyze`, `link`, `mark`, `check`, `export`, `verify`); `details` is any
    /// encodable value, stored as a JSON object.
    @discardableResult
    public func appendEvent(_ action: CustodyAction, clipID: Int64?,
                            details: some Encodable) throws(CatalogueError) -> CustodyEvent {
        let text = try Self.detailsJSON(details)
        return try write { db in try self.appendEvent(db, action: action, clipID: clipID, details: text) }
    }

    /// Every event about one clip, in order.
    public func events(clipID: Int64) throws(CatalogueError) -> [CustodyEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM custody_events WHERE clip_id = ? ORDER BY id", arguments: [clipID])
                .map(Self.event)
        }
    }

    /// Walks the whole log and returns the ids of events whose `previous_digest` does not match
    /// the event before them (empty when the chain is whole).
    public func brokenChainLinks() throws(CatalogueError) -> [Int64] {
        try read { db in
            var broken: [Int64] = []
            var expected = SHA256Digest.zero
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM custody_events ORDER BY id")
            while let row = try cursor.next() {
                let event = Self.event(row)
                if event.previousDigest != expected { broken.append(event.id) }
                expected = Self.chainDigest(of: event)
            }
            return broken
        }
    }

    /// Appends an event inside a transaction the caller already holds (so that a clip's rows and
    /// its events commit together). The chain's head is read in the same transaction.
    func appendEvent(_ db: Database, action: CustodyAction, clipID: Int64?, details: String) throws -> CustodyEvent {
        let last = try Row.fetchOne(db, sql: "SELECT * FROM custody_events ORDER BY id DESC LIMIT 1").map(Self.event)
        let event = CustodyEvent(
            id: (last?.id ?? 0) + 1, clipID: clipID, occurredAt: ISOTime.now(), actor: identity.actor,
            toolVersion: identity.toolVersion, action: action, details: details,
            previousDigest: last.map(Self.chainDigest) ?? .zero)
        try db.execute(sql: """
            INSERT INTO custody_events (id, clip_id, occurred_at, actor, tool_version, action, details, previous_digest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [event.id, event.clipID, event.occurredAt, event.actor, event.toolVersion,
                             event.action.rawValue, event.details, event.previousDigest.hex])
        return event
    }

    /// The canonical form of an event: a JSON object of all its fields, keys sorted, written by
    /// `CanonicalJSON` (details as the exact stored text).
    public static func canonicalForm(of event: CustodyEvent) -> String {
        CanonicalJSON.object([
            ("action", .string(event.action.rawValue)),
            ("actor", .string(event.actor)),
            ("clip", event.clipID.map { .integer($0) } ?? .null),
            ("details", .string(event.details)),
            ("id", .integer(event.id)),
            ("occurredAt", .string(event.occurredAt)),
            ("previous", .string(event.previousDigest.hex)),
            ("toolVersion", .string(event.toolVersion)),
        ])
    }

    /// The SHA-256 of an event's canonical form: what the next event stores as `previous_digest`.
    public static func chainDigest(of event: CustodyEvent) -> SHA256Digest {
        SHA256Stream.digest(of: Array(canonicalForm(of: event).utf8))
    }

    static func event(_ row: Row) -> CustodyEvent {
        CustodyEvent(
            id: row["id"], clipID: row["clip_id"], occurredAt: row["occurred_at"], actor: row["actor"],
            toolVersion: row["tool_version"], action: CustodyAction(rawValue: row["action"]),
            details: row["details"],
            previousDigest: SHA256Digest(hex: row["previous_digest"] as String? ?? "") ?? .zero)
    }

    static func detailsJSON(_ details: some Encodable) throws(CatalogueError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(details), as: UTF8.self)
        } catch {
            throw .database(path: "custody event", message: "details could not be encoded: \(error)", ioFailure: false)
        }
    }
}
