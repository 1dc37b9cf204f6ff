import GRDB

/// The catalogue's migrations, registered by name and frozen once shipped: a schema change is a
/// new migration appended here, never an edit of an old one. `Schemas/catalogue.sql` is the
/// schema they produce (a test compares the two).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-catalogue-v1") { db in
            try db.execute(sql: version1)
        }
        return migrator
    }

    /// `clips.listed_*` repeat the first collection's source and name and the latest probe's
    /// duration or failure, so that listing 100,000 clips is one table scan; they are written in
    /// the same transaction as the rows they repeat.
    static let version1 = """
        CREATE TABLE clips (
            id INTEGER PRIMARY KEY,
            digest TEXT NOT NULL UNIQUE CHECK (length(digest) = 64 AND digest NOT GLOB '*[^0-9a-f]*'),
            size INTEGER NOT NULL CHECK (size >= 0),
            in_vault INTEGER NOT NULL CHECK (in_vault IN (0, 1)),
            in_place_path BLOB,
            registered_at TEXT NOT NULL,
            listed_source TEXT NOT NULL,
            listed_name BLOB NOT NULL,
            listed_duration_us INTEGER,
            listed_probe_failure TEXT,
            CHECK (in_vault = 1 OR in_place_path IS NOT NULL)
        ) STRICT;
        CREATE TABLE collections (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            source_url TEXT NOT NULL CHECK (source_url <> ''),
            collected_at TEXT NOT NULL,
            collector TEXT NOT NULL CHECK (collector <> ''),
            original_name BLOB NOT NULL,
            original_path BLOB NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            digest TEXT NOT NULL CHECK (length(digest) = 64),
            note TEXT,
            tool_version TEXT NOT NULL,
            library_versions TEXT NOT NULL CHECK (json_valid(library_versions)),
            recorded_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX collections_by_clip ON collections(clip_id, id);
        CREATE TABLE probes (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            probed_at TEXT NOT NULL,
            container TEXT,
            duration_us INTEGER,
            video_codec TEXT,
            width INTEGER CHECK (width IS NULL OR width > 0),
            height INTEGER CHECK (height IS NULL OR height > 0),
            frame_rate TEXT,
            audio_codec TEXT,
            creation_time TEXT,
            record_json TEXT CHECK (record_json IS NULL OR json_valid(record_json)),
            failure_reason TEXT,
            failure_message TEXT,
            CHECK ((record_json IS NULL) <> (failure_reason IS NULL)),
            CHECK ((failure_reason IS NULL) = (failure_message IS NULL))
        ) STRICT;
        CREATE INDEX probes_by_clip ON probes(clip_id, id);
        CREATE TABLE custody_events (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER REFERENCES clips(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            occurred_at TEXT NOT NULL,
            actor TEXT NOT NULL CHECK (actor <> ''),
            tool_version TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action <> '' AND action NOT GLOB '*[^a-z-]*'),
            details TEXT NOT NULL CHECK (json_valid(details) AND json_type(details) = 'object'),
            previous_digest TEXT NOT NULL CHECK (length(previous_digest) = 64)
        ) STRICT;
        CREATE INDEX custody_events_by_clip ON custody_events(clip_id, id);
        CREATE TRIGGER custody_events_refuse_update BEFORE UPDATE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody events are append-only: update refused'); END;
        CREATE TRIGGER custody_events_refuse_delete BEFORE DELETE ON custody_events
        BEGIN SELECT RAISE(ABORT, 'custody events are append-only: delete refused'); END;
        CREATE TABLE derived_files (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            digest TEXT NOT NULL CHECK (length(digest) = 64 AND digest NOT GLOB '*[^0-9a-f]*'),
            kind TEXT NOT NULL CHECK (kind <> ''),
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            created_at TEXT NOT NULL,
            UNIQUE (clip_id, digest, kind)
        ) STRICT;
        CREATE INDEX derived_files_by_digest ON derived_files(digest);
        """
}
