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
        try chainCheck().broken
    }

    /// The chain check, with the number of events it walked. Plain rows (ASCII text, a
    /// well-formed digest) are written into canonical form straight from SQLite's buffers and
    /// their digests compared as hex bytes; any other row goes through `CustodyEvent` exactly as
    /// `chainDigest(of:)` would see it.
    func chainCheck() throws(CatalogueError) -> (broken: [Int64], events: Int) {
        try read { db in
            let statement = try db.makeStatement(sql: """
                SELECT id, clip_id, occurred_at, actor, tool_version, action, details, previous_digest
                FROM custody_events ORDER BY id
                """)
            var broken: [Int64] = []
            var events = 0
            var expected = Array(SHA256Digest.zero.hex.utf8)
            var form: [UInt8] = []
            form.reserveCapacity(4096)
            try RawColumns.scan(statement, db) { row in
                events += 1
                let id = RawColumns.int64(row, 0)
                let clip = RawColumns.optionalInt64(row, 1)
                let texts = (occurredAt: RawColumns.bytesOrEmpty(row, 2), actor: RawColumns.bytesOrEmpty(row, 3),
                             toolVersion: RawColumns.bytesOrEmpty(row, 4), action: RawColumns.bytesOrEmpty(row, 5),
                             details: RawColumns.bytesOrEmpty(row, 6), previous: RawColumns.bytesOrEmpty(row, 7))
                form.removeAll(keepingCapacity: true)
                if Self.isDigestHex(texts.previous)
                    && Self.appendPlainCanonicalForm(action: texts.action, actor: texts.actor, clip: clip,
                                                     details: texts.details, id: id, occurredAt: texts.occurredAt,
                                                     previous: texts.previous, toolVersion: texts.toolVersion, to: &form) {
                    if !texts.previous.elementsEqual(expected) { broken.append(id) }
                } else {
                    form.removeAll(keepingCapacity: true)
                    let event = CustodyEvent(
                        id: id, clipID: clip, occurredAt: Self.text(texts.occurredAt), actor: Self.text(texts.actor),
                        toolVersion: Self.text(texts.toolVersion), action: CustodyAction(rawValue: Self.text(texts.action)),
                        details: Self.text(texts.details),
                        previousDigest: SHA256Digest(hex: Self.text(texts.previous)) ?? .zero)
                    if !event.previousDigest.hex.utf8.elementsEqual(expected) { broken.append(id) }
                    Self.appendCanonicalForm(of: event, to: &form)
                }
                var stream = SHA256Stream()
                form.withUnsafeBytes { stream.update($0) }
                stream.finish(hexInto: &expected)
                return true
            }
            return (broken, events)
        }
    }

    /// Text as the row decoder reads it: up to the first NUL, invalid UTF-8 repaired.
    private static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// 64 lowercase hex digits: the only form a stored digest takes unchanged.
    private static func isDigestHex(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count == 64 && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// The canonical form written from stored bytes, the same bytes `appendCanonicalForm` writes
    /// for text that is ASCII without NUL (which decodes to a `String` unchanged). Returns false
    /// as soon as a field is not such text; `form` then holds a partial form.
    private static func appendPlainCanonicalForm(
        action: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer, clip: Int64?, details: UnsafeRawBufferPointer,
        id: Int64, occurredAt: UnsafeRawBufferPointer, previous: UnsafeRawBufferPointer,
        toolVersion: UnsafeRawBufferPointer, to form: inout [UInt8]
    ) -> Bool {
        CanonicalJSON.appendKey("action", first: true, to: &form)
        guard CanonicalJSON.appendPlainString(action, to: &form) else { return false }
        CanonicalJSON.appendKey("actor", first: false, to: &form)
        guard CanonicalJSON.appendPlainString(actor, to: &form) else { return false }
        CanonicalJSON.appendKey("clip", first: false, to: &form)
        if let clip { CanonicalJSON.appendInteger(clip, to: &form) } else { CanonicalJSON.appendNull(&form) }
        CanonicalJSON.appendKey("details", first: false, to: &form)
        guard CanonicalJSON.appendPlainString(details, to: &form) else { return false }
        CanonicalJSON.appendKey("id", first: false, to: &form)
        CanonicalJSON.appendInteger(id, to: &form)
        CanonicalJSON.appendKey("occurredAt", first: false, to: &form)
        guard CanonicalJSON.appendPlainString(occurredAt, to: &form) else { return false }
        CanonicalJSON.appendKey("previous", first: false, to: &form)
        guard CanonicalJSON.appendPlainString(previous, to: &form) else { return false }
        CanonicalJSON.appendKey("toolVersion", first: false, to: &form)
        guard CanonicalJSON.appendPlainString(toolVersion, to: &form) else { return false }
        CanonicalJSON.endObject(&form)
        return true
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
        var form: [UInt8] = []
        appendCanonicalForm(of: event, to: &form)
        return String(decoding: form, as: UTF8.self)
    }

    /// The SHA-256 of an event's canonical form: what the next event stores as `previous_digest`.
    public static func chainDigest(of event: CustodyEvent) -> SHA256Digest {
        var form: [UInt8] = []
        appendCanonicalForm(of: event, to: &form)
        return SHA256Stream.digest(of: form)
    }

    static func appendCanonicalForm(of event: CustodyEvent, to form: inout [UInt8]) {
        appendCanonicalForm(action: event.action.rawValue.utf8, actor: event.actor.utf8, clip: event.clipID,
                            details: event.details.utf8, id: event.id, occurredAt: event.occurredAt.utf8,
                            previous: event.previousDigest.hex.utf8, toolVersion: event.toolVersion.utf8, to: &form)
    }

    /// The canonical form from the fields' UTF-8 bytes, keys in sorted order.
    static func appendCanonicalForm<Text: Collection<UInt8>>(
        action: Text, actor: Text, clip: Int64?, details: Text, id: Int64, occurredAt: Text, previous: Text,
        toolVersion: Text, to form: inout [UInt8]
    ) {
        CanonicalJSON.appendKey("action", first: true, to: &form)
        CanonicalJSON.appendString(action, to: &form)
        CanonicalJSON.appendKey("actor", first: false, to: &form)
        CanonicalJSON.appendString(actor, to: &form)
        CanonicalJSON.appendKey("clip", first: false, to: &form)
        if let clip { CanonicalJSON.appendInteger(clip, to: &form) } else { CanonicalJSON.appendNull(&form) }
        CanonicalJSON.appendKey("details", first: false, to: &form)
        CanonicalJSON.appendString(details, to: &form)
        CanonicalJSON.appendKey("id", first: false, to: &form)
        CanonicalJSON.appendInteger(id, to: &form)
        CanonicalJSON.appendKey("occurredAt", first: false, to: &form)
        CanonicalJSON.appendString(occurredAt, to: &form)
        CanonicalJSON.appendKey("previous", first: false, to: &form)
        CanonicalJSON.appendString(previous, to: &form)
        CanonicalJSON.appendKey("toolVersion", first: false, to: &form)
        CanonicalJSON.appendString(toolVersion, to: &form)
        CanonicalJSON.endObject(&form)
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
