public import FootageModel
import GRDB

/// What a `marked` custody event records.
private struct MarkedDetails: Encodable {
    var mark: Int64
    var at: String
    var label: String
    var markedBy: String
    var note: String?

    enum CodingKeys: String, CodingKey {
        case mark, at, label, note
        case markedBy = "marked_by"
    }
}

extension Catalogue {
    /// Records a person's mark on a clip at an exact player time, with a `marked` custody event
    /// in the same transaction. Marks are written once.
    public func addMark(clipID: Int64, at time: ExactSeconds, label: String, by person: String,
                        note: String?) throws(CatalogueError) -> Mark {
        let now = ISOTime.now()
        return try write { db in
            guard let digestText = try String.fetchOne(db, sql: "SELECT digest FROM clips WHERE id = ?", arguments: [clipID]),
                  let digest = SHA256Digest(hex: digestText) else {
                throw CatalogueError.noSuchClip(prefix: "#\(clipID)")
            }
            try db.execute(sql: """
                INSERT INTO marks (clip_id, at_num, at_den, label, marked_by, marked_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [clipID, time.numerator, time.denominator, label, person, now, note])
            let mark = Mark(id: db.lastInsertedRowID, clip: digest, at: time, label: label, markedBy: person,
                            markedAt: now, note: note)
            let details = MarkedDetails(mark: mark.id, at: time.description, label: label, markedBy: person, note: note)
            _ = try appendEvent(db, action: .marked, clipID: clipID, details: try Self.detailsJSON(details))
            return mark
        }
    }

    /// A clip's marks in time order (then in the order made).
    public func marks(clipID: Int64) throws(CatalogueError) -> [Mark] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.*, k.digest FROM marks m JOIN clips k ON k.id = m.clip_id WHERE m.clip_id = ?
                """, arguments: [clipID])
            return rows.map { row in
                Mark(id: row["id"], clip: SHA256Digest(hex: row["digest"]) ?? .zero,
                     at: ExactSeconds(row["at_num"] as Int64, row["at_den"] as Int64) ?? .zero,
                     label: row["label"], markedBy: row["marked_by"], markedAt: row["marked_at"], note: row["note"])
            }.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        }
    }
}
