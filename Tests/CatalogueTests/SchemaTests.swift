@testable import Catalogue
import FootageModel
import Foundation
import GRDB
import Testing

@Suite struct SchemaTests {
    @Test func schemaFileMatchesMigrations() throws {
        let test = try TestCatalogue()
        let dumped = try test.catalogue.schemaStatements().map { $0 + ";\n" }.joined(separator: "\n")
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schemas/catalogue.sql")
        let text = try String(contentsOf: file, encoding: .utf8)
        let body = text.split(separator: "\n", omittingEmptySubsequences: false)
            .drop(while: { $0.hasPrefix("--") || $0.isEmpty }).joined(separator: "\n")
        #expect(body.trimmingCharacters(in: .whitespacesAndNewlines) == dumped.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func everyTableIsStrictAndWalIsOn() throws {
        let test = try TestCatalogue()
        let statements = try test.catalogue.schemaStatements().filter { $0.hasPrefix("CREATE TABLE") }
        #expect(statements.count == 11)
        for statement in statements { #expect(statement.hasSuffix("STRICT")) }
        let mode = try test.catalogue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let synchronous = try test.catalogue.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2)
        // The connection that commits, not only the readers, syncs every commit.
        let writerSynchronous = try test.catalogue.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSynchronous == 2)
        let foreignKeys = try test.catalogue.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == 1)
    }

    @Test func noCascadeDeletes() throws {
        let test = try TestCatalogue()
        let all = try test.catalogue.schemaStatements().joined(separator: "\n")
        #expect(!all.uppercased().contains("CASCADE"))
    }

    @Test func reopeningKeepsDataAndAppliesNoMigrationTwice() async throws {
        let test = try TestCatalogue()
        try test.catalogue.appendEvent(.verified, clipID: nil, details: ["note": "first"])
        let again = try Catalogue.open(test.catalogue.location, identity: test.catalogue.identity)
        let count = try again.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM custody_events") }
        #expect(count == 1)
        let migrations = try again.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") }
        #expect(migrations == 3)
    }

    @Test func writtenOnceRecordsRefuseChange() throws {
        let test = try TestCatalogue()
        try test.catalogue.write { db in
            try db.execute(sql: """
                INSERT INTO claims (handle, kind, record_json, imported_at, imported_by)
                VALUES ('c1', 'duration', '{}', '2026-11-26T00:00:00Z', 'tester')
                """)
        }
        for statement in ["UPDATE claims SET handle = 'c2'", "DELETE FROM claims"] {
            #expect(throws: (any Error).self) {
                try test.catalogue.write { db in try db.execute(sql: statement) }
            }
        }
        let handle = try test.catalogue.read { db in try String.fetchOne(db, sql: "SELECT handle FROM claims") }
        #expect(handle == "c1")
    }

    @Test func strictTablesRefuseWrongTypes() throws {
        let test = try TestCatalogue()
        #expect(throws: (any Error).self) {
            try test.catalogue.write { db in
                try db.execute(sql: "INSERT INTO clips (digest, size, in_vault, registered_at) VALUES (?, 'big', 1, 'now')",
                               arguments: [String(repeating: "a", count: 64)])
            }
        }
        #expect(throws: (any Error).self) {
            try test.catalogue.write { db in
                try db.execute(sql: "INSERT INTO clips (digest, size, in_vault, registered_at) VALUES ('XYZ', 1, 1, 'now')")
            }
        }
    }
}
