public import FootageModel
import Foundation
import GRDB

extension Catalogue {
    /// Resolves a clip named by any unique prefix of its SHA-256 to the clip's row id.
    public func resolveClip(_ prefix: String) throws(CatalogueError) -> Int64 {
        guard SHA256Digest.isPrefix(prefix) else { throw .invalidClipName(prefix) }
        let lower = prefix.lowercased()
        let matches: [Row] = try read { db in
            // A range scan on the unique digest index: every digest in [prefix, prefix + "g").
            try Row.fetchAll(db, sql: "SELECT id, digest FROM clips WHERE digest >= ? AND digest < ? ORDER BY digest LIMIT 20",
                             arguments: [lower, lower + "g"])
        }
        guard let first = matches.first else { throw .noSuchClip(prefix: prefix) }
        if matches.count > 1 {
            throw .ambiguousClip(prefix: prefix, candidates: matches.compactMap { SHA256Digest(hex: $0["digest"]) })
        }
        return first["id"]
    }

    /// The clip with this row id, with its first collection record and latest probe.
    public func clip(id: Int64) throws(CatalogueError) -> Clip {
        let found: Clip? = try read { db in try Self.clip(db, id: id) }
        guard let found else { throw .noSuchClip(prefix: "#\(id)") }
        return found
    }

    /// The clip whose bytes have this digest, if registered.
    public func clip(digest: SHA256Digest) throws(CatalogueError) -> Clip? {
        try read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM clips WHERE digest = ?", arguments: [digest.hex]) else {
                return nil
            }
            return try Self.clip(db, id: id)
        }
    }

    /// Collection records, custody events and the clip itself, in order.
    public func provenance(clipID: Int64) throws(CatalogueError) -> ClipProvenance {
        try read { db in
            guard let clip = try Self.clip(db, id: clipID) else { throw CatalogueError.noSuchClip(prefix: "#\(clipID)") }
            let collections = try Row.fetchAll(db, sql: "SELECT * FROM collections WHERE clip_id = ? ORDER BY id",
                                               arguments: [clipID]).map(Self.collection)
            let events = try Row.fetchAll(db, sql: "SELECT * FROM custody_events WHERE clip_id = ? ORDER BY id",
                                          arguments: [clipID]).map(Self.event)
            return ClipProvenance(clip: clip, collections: collections, events: events)
        }
    }

    /// Every clip, in registration order, for listings.
    public func clipSummaries() throws(CatalogueError) -> [ClipSummary] {
        try read { db in
            var summaries: [ClipSummary] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT digest, size, listed_duration_us, listed_probe_failure, listed_source, listed_name
                FROM clips ORDER BY id
                """)
            while let row = try cursor.next() {
                let micros: Int64? = row[2]
                summaries.append(ClipSummary(
                    digest: SHA256Digest(hex: row[0]) ?? .zero, size: row[1],
                    duration: micros.map { MediaTime(pts: $0, timeBase: ClipProbeFacts.durationTimeBase) },
                    sourceURL: row[4], originalName: ClipFileName(bytes: [UInt8](row[5] as Data)),
                    probeFailure: row[3]))
            }
            return summaries
        }
    }

    /// Every clip's row id, digest, size and where its bytes are, for verify.
    func storedClips() throws(CatalogueError) -> [(id: Int64, digest: SHA256Digest, size: Int64, inVault: Bool, inPlacePath: [UInt8]?)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, digest, size, in_vault, in_place_path FROM clips ORDER BY id").map { row in
                let path: Data? = row["in_place_path"]
                return (row["id"], SHA256Digest(hex: row["digest"]) ?? .zero, row["size"], row["in_vault"],
                        path.map { [UInt8]($0) })
            }
        }
    }

    static func clip(_ db: Database, id: Int64) throws -> Clip? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM clips WHERE id = ?", arguments: [id]),
              let first = try Row.fetchOne(db, sql: "SELECT * FROM collections WHERE clip_id = ? ORDER BY id LIMIT 1",
                                           arguments: [id]) else { return nil }
        let probe = try Row.fetchOne(db, sql: "SELECT * FROM probes WHERE clip_id = ? ORDER BY id DESC LIMIT 1",
                                     arguments: [id]).map(Self.probe)
        let path: Data? = row["in_place_path"]
        return Clip(id: row["id"], digest: SHA256Digest(hex: row["digest"]) ?? .zero, size: row["size"],
                    inVault: row["in_vault"], inPlacePath: path.map { ClipFileName(bytes: [UInt8]($0)) },
                    registeredAt: row["registered_at"], collection: collection(first), probe: probe)
    }

    static func collection(_ row: Row) -> ClipCollection {
        let versionsText: String = row["library_versions"]
        let versions = (try? JSONDecoder().decode([String: String].self, from: Data(versionsText.utf8))) ?? [:]
        return ClipCollection(
            sourceURL: row["source_url"], collectedAt: row["collected_at"], collector: row["collector"],
            originalName: ClipFileName(bytes: [UInt8](row["original_name"] as Data)),
            originalPath: ClipFileName(bytes: [UInt8](row["original_path"] as Data)),
            size: row["size"], digest: SHA256Digest(hex: row["digest"]) ?? .zero, note: row["note"],
            toolVersion: row["tool_version"], libraryVersions: versions, recordedAt: row["recorded_at"])
    }

    static func probe(_ row: Row) -> ClipProbe {
        let reason: String? = row["failure_reason"]
        if let reason {
            return ClipProbe(probedAt: row["probed_at"], facts: nil, recordJSON: nil,
                             failure: ClipProbeFailure(reason: reason, message: row["failure_message"]))
        }
        let micros: Int64? = row["duration_us"]
        let rate: String? = row["frame_rate"]
        let facts = ClipProbeFacts(
            container: row["container"],
            duration: micros.map { MediaTime(pts: $0, timeBase: ClipProbeFacts.durationTimeBase) },
            videoCodec: row["video_codec"], width: row["width"], height: row["height"],
            frameRate: rate.flatMap { Rational(parsing: $0) }, audioCodec: row["audio_codec"],
            creationTime: row["creation_time"])
        return ClipProbe(probedAt: row["probed_at"], facts: facts, recordJSON: row["record_json"], failure: nil)
    }
}
