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
        migrator.registerMigration("2026-11-claims-v2") { db in
            try db.execute(sql: version2)
        }
        migrator.registerMigration("2026-11-unresolved-v3") { db in
            try db.execute(sql: version3)
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

    /// Articles, the claims read from them, the links from claims to clips, people's marks, stored
    /// analyses and verdicts. Exact seconds are stored as a reduced fraction (`*_num`, `*_den`);
    /// full records are kept as JSON beside the columns that queries need. Claims, marks,
    /// analyses and verdicts are never changed once written: a new check adds verdicts, and the
    /// latest one per claim and clip is the current one.
    static let version2 = """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            handle TEXT NOT NULL UNIQUE CHECK (handle <> ''),
            url TEXT NOT NULL UNIQUE CHECK (url <> ''),
            title TEXT,
            publisher TEXT,
            published TEXT,
            author TEXT,
            text_digest TEXT CHECK (text_digest IS NULL OR (length(text_digest) = 64 AND text_digest NOT GLOB '*[^0-9a-f]*')),
            text_size INTEGER CHECK (text_size IS NULL OR text_size >= 0),
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL CHECK (added_by <> ''),
            CHECK ((text_digest IS NULL) = (text_size IS NULL))
        ) STRICT;
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            handle TEXT NOT NULL UNIQUE CHECK (handle <> ''),
            article_id INTEGER REFERENCES articles(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            kind TEXT NOT NULL CHECK (kind IN ('duration', 'event', 'order', 'count', 'visual', 'no_footage', 'described_footage')),
            record_json TEXT NOT NULL CHECK (json_valid(record_json)),
            ambiguous INTEGER NOT NULL DEFAULT 0 CHECK (ambiguous IN (0, 1)),
            source_file TEXT,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL CHECK (imported_by <> '')
        ) STRICT;
        CREATE INDEX claims_by_article ON claims(article_id, id);
        CREATE TABLE claim_links (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            offset_num INTEGER NOT NULL DEFAULT 0,
            offset_den INTEGER NOT NULL DEFAULT 1 CHECK (offset_den > 0),
            linked_at TEXT NOT NULL,
            linked_by TEXT NOT NULL CHECK (linked_by <> ''),
            UNIQUE (claim_id, clip_id)
        ) STRICT;
        CREATE INDEX claim_links_by_clip ON claim_links(clip_id, claim_id);
        CREATE TABLE marks (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            at_num INTEGER NOT NULL,
            at_den INTEGER NOT NULL CHECK (at_den > 0),
            label TEXT NOT NULL CHECK (label <> ''),
            marked_by TEXT NOT NULL CHECK (marked_by <> ''),
            marked_at TEXT NOT NULL,
            note TEXT
        ) STRICT;
        CREATE INDEX marks_by_clip ON marks(clip_id, at_num, id);
        CREATE TABLE analyses (
            id INTEGER PRIMARY KEY,
            clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            analysed_at TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            audio_event_count INTEGER CHECK (audio_event_count IS NULL OR audio_event_count >= 0),
            cut_count INTEGER NOT NULL CHECK (cut_count >= 0),
            report_json TEXT NOT NULL CHECK (json_valid(report_json))
        ) STRICT;
        CREATE INDEX analyses_by_clip ON analyses(clip_id, id);
        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            clip_id INTEGER REFERENCES clips(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            outcome TEXT NOT NULL CHECK (outcome IN ('consistent', 'inconsistent', 'inconclusive', 'unchecked')),
            checked_at TEXT NOT NULL,
            checked_by TEXT NOT NULL CHECK (checked_by <> ''),
            analysis_id INTEGER REFERENCES analyses(id) ON DELETE RESTRICT ON UPDATE RESTRICT,
            verdict_json TEXT NOT NULL CHECK (json_valid(verdict_json))
        ) STRICT;
        CREATE INDEX verdicts_by_claim ON verdicts(claim_id, clip_id, id);
        CREATE INDEX verdicts_by_clip ON verdicts(clip_id, id);
        CREATE TRIGGER claims_refuse_update BEFORE UPDATE ON claims
        BEGIN SELECT RAISE(ABORT, 'claims are written once: update refused'); END;
        CREATE TRIGGER claims_refuse_delete BEFORE DELETE ON claims
        BEGIN SELECT RAISE(ABORT, 'claims are written once: delete refused'); END;
        CREATE TRIGGER marks_refuse_update BEFORE UPDATE ON marks
        BEGIN SELECT RAISE(ABORT, 'marks are written once: update refused'); END;
        CREATE TRIGGER marks_refuse_delete BEFORE DELETE ON marks
        BEGIN SELECT RAISE(ABORT, 'marks are written once: delete refused'); END;
        CREATE TRIGGER analyses_refuse_update BEFORE UPDATE ON analyses
        BEGIN SELECT RAISE(ABORT, 'analyses are written once: update refused'); END;
        CREATE TRIGGER analyses_refuse_delete BEFORE DELETE ON analyses
        BEGIN SELECT RAISE(ABORT, 'analyses are written once: delete refused'); END;
        CREATE TRIGGER verdicts_refuse_update BEFORE UPDATE ON verdicts
        BEGIN SELECT RAISE(ABORT, 'verdicts are written once: update refused'); END;
        CREATE TRIGGER verdicts_refuse_delete BEFORE DELETE ON verdicts
        BEGIN SELECT RAISE(ABORT, 'verdicts are written once: delete refused'); END;
        """

    /// Indexes only, so that each reason of `footage unresolved` finds its first page without
    /// scanning a whole table: rare states (failed probes, ambiguous timings, variable frame
    /// rate, verify runs) get partial indexes; claims by kind and verdicts by outcome get full ones.
    static let version3 = """
        CREATE INDEX clips_probe_failed ON clips(id) WHERE listed_probe_failure IS NOT NULL;
        CREATE INDEX probes_variable_frame_rate ON probes(clip_id, id)
            WHERE instr(record_json, '"variable_frame_rate":true') > 0;
        CREATE INDEX custody_events_verify_runs ON custody_events(id) WHERE action = 'verified';
        CREATE INDEX claims_by_kind ON claims(kind, id);
        CREATE INDEX claims_ambiguous ON claims(id) WHERE ambiguous = 1;
        CREATE INDEX verdicts_by_outcome ON verdicts(outcome, id);
        """
}
