public import FootageModel
import Foundation
import GRDB

/// Everything known about one file once its bytes are durable (in the vault, or hashed in place)
/// and it has been probed: what the catalogue writes in one transaction.
public struct RegistrationRecord: Sendable {
    public var digest: SHA256Digest
    public var size: Int64
    /// Whether the bytes are in the vault (false for `--in-place`).
    public var copied: Bool
    /// For `--in-place`: the absolute path the file stays at.
    public var inPlacePath: [UInt8]?
    public var collection: ClipCollection
    /// The probe of these bytes, or `nil` when the clip was already probed before.
    public var probe: ClipProbe?

    public init(digest: SHA256Digest, size: Int64, copied: Bool, inPlacePath: [UInt8]?,
                collection: ClipCollection, probe: ClipProbe?) {
        self.digest = digest
        self.size = size
        self.copied = copied
        self.inPlacePath = inPlacePath
        self.collection = collection
        self.probe = probe
    }
}

/// What recording a registration did.
public struct RecordedRegistration: Sendable, Hashable {
    public var clipID: Int64
    /// False when the bytes were already registered: a new collection record and event only.
    public var isNewClip: Bool
}

extension Catalogue {
    /// Records registrations in one transaction (a clip, its collection record, its probe and
    /// their custody events commit together or not at all). Only call this once each file's
    /// bytes are durable.
    public func record(_ records: [RegistrationRecord]) throws(CatalogueError) -> [RecordedRegistration] {
        try write { db in try records.map { try self.record($0, db) } }
    }

    private func record(_ record: RegistrationRecord, _ db: Database) throws -> RecordedRegistration {
        let collection = record.collection
        let existing = try Row.fetchOne(db, sql: "SELECT id, in_vault FROM clips WHERE digest = ?",
                                        arguments: [record.digest.hex])
        let clipID: Int64
        if let existing {
            clipID = existing["id"]
        } else {
            try db.execute(sql: """
                INSERT INTO clips (digest, size, in_vault, in_place_path, registered_at, listed_source, listed_name)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.digest.hex, record.size, record.copied,
                                 record.copied ? nil : record.inPlacePath.map { Data($0) }, collection.recordedAt,
                                 collection.sourceURL, Data(collection.originalName.bytes)])
            clipID = db.lastInsertedRowID
        }
        let versions = try Self.detailsJSON(collection.libraryVersions)
        try db.execute(sql: """
            INSERT INTO collections (clip_id, source_url, collected_at, collector, original_name, original_path,
                                     size, digest, note, tool_version, library_versions, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [clipID, collection.sourceURL, collection.collectedAt, collection.collector,
                             Data(collection.originalName.bytes), Data(collection.originalPath.bytes),
                             collection.size, collection.digest.hex, collection.note, collection.toolVersion,
                             versions, collection.recordedAt])
        let details = try Self.detailsJSON(CollectionDetails(collection: collection, inPlace: !record.copied))
        _ = try appendEvent(db, action: existing == nil ? .registered : .recollected, clipID: clipID, details: details)
        if let existing, record.copied, !(existing["in_vault"] as Bool) {
            try db.execute(sql: "UPDATE clips SET in_vault = 1 WHERE id = ?", arguments: [clipID])
            _ = try appendEvent(db, action: .stored, clipID: clipID,
                                details: try Self.detailsJSON(["object": "vault/objects/" + record.digest.hex.prefix(2) + "/"
                                                                   + record.digest.hex.dropFirst(2)]))
        }
        if let probe = record.probe {
            try insertProbe(probe, clipID: clipID, db)
        }
        return RecordedRegistration(clipID: clipID, isNewClip: existing == nil)
    }

    /// Stores a probe result (success or failure) for a clip and logs a `probed` event; the
    /// later `probe` command re-probes through this too.
    public func recordProbe(_ probe: ClipProbe, clipID: Int64) throws(CatalogueError) {
        try write { db in try self.insertProbe(probe, clipID: clipID, db) }
    }

    private func insertProbe(_ probe: ClipProbe, clipID: Int64, _ db: Database) throws {
        let facts = probe.facts
        try db.execute(sql: """
            INSERT INTO probes (clip_id, probed_at, container, duration_us, video_codec, width, height, frame_rate,
                                audio_codec, creation_time, record_json, failure_reason, failure_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [clipID, probe.probedAt, facts?.container,
                             facts?.duration?.rescaled(to: ClipProbeFacts.durationTimeBase).pts,
                             facts?.videoCodec, facts?.width, facts?.height, facts?.frameRate?.description,
                             facts?.audioCodec, facts?.creationTime, probe.recordJSON,
                             probe.failure?.reason, probe.failure?.message])
        try db.execute(sql: "UPDATE clips SET listed_duration_us = ?, listed_probe_failure = ? WHERE id = ?",
                       arguments: [facts?.duration?.rescaled(to: ClipProbeFacts.durationTimeBase).pts,
                                   probe.failure?.reason, clipID])
        let details: ProbeDetails = probe.failure.map { ProbeDetails(outcome: "failed", reason: $0.reason, message: $0.message) }
            ?? ProbeDetails(outcome: "probed", reason: nil, message: nil)
        _ = try appendEvent(db, action: .probed, clipID: clipID, details: try Self.detailsJSON(details))
    }

    /// Whether these bytes are already registered and probed (a repeat needs no new probe).
    public func isProbed(_ digest: SHA256Digest) throws(CatalogueError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM clips c JOIN probes p ON p.clip_id = c.id WHERE c.digest = ?)
                """, arguments: [digest.hex]) ?? false
        }
    }
}

/// What a `registered` or `recollected` event records.
private struct CollectionDetails: Encodable {
    var collection: ClipCollection
    var inPlace: Bool
}

/// What a `probed` event records.
private struct ProbeDetails: Encodable {
    var outcome: String
    var reason: String?
    var message: String?
}
