public import Vault
import GRDB
import Glibc

/// Who is acting on a catalogue, recorded on every custody event this process appends.
public struct CustodyIdentity: Sendable, Hashable {
    public var actor: String
    public var toolVersion: String

    public init(actor: String, toolVersion: String) {
        self.actor = actor
        self.toolVersion = toolVersion
    }
}

/// An open catalogue: the SQLite file (WAL, `synchronous=FULL`, foreign keys on, a long busy
/// timeout so concurrent writers wait instead of failing) and its vault. All SQL stays inside
/// this module; callers see only model values.
public final class Catalogue: Sendable {
    public let location: CatalogueLocation
    public let vault: Vault
    public let identity: CustodyIdentity
    let database: DatabasePool

    /// How long a writer waits for another process's transaction before giving up.
    static let busyTimeout: Double = 120

    init(location: CatalogueLocation, vault: Vault, identity: CustodyIdentity) throws(CatalogueError) {
        self.location = location
        self.vault = vault
        self.identity = identity
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let path = location.databasePath
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            // The pool turns its writer to `synchronous = NORMAL` when it sets up WAL mode, after
            // `prepareDatabase` has run: every commit must reach the disk before it is reported.
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Schema.migrator.migrate(database)
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// Opens an existing catalogue and brings its schema up to date.
    public static func open(_ location: CatalogueLocation, identity: CustodyIdentity) throws(CatalogueError) -> Catalogue {
        try Catalogue(location: location, vault: openVault(location), identity: identity)
    }

    /// The vault of the catalogue at `location`, once its database file is known to be there.
    static func openVault(_ location: CatalogueLocation) throws(CatalogueError) -> Vault {
        guard CatalogueLocation.isFile(location.databasePath) else { throw .missing(path: location.folder) }
        do { return try Vault(root: location.vaultPath) } catch { throw .vault(error) }
    }

    /// Creates `.footage/` with a new catalogue and an empty vault.
    public static func create(_ location: CatalogueLocation, identity: CustodyIdentity) throws(CatalogueError) -> Catalogue {
        if CatalogueLocation.isFile(location.databasePath) { throw .alreadyExists(path: location.folder) }
        let vault: Vault
        do throws(VaultError) {
            if mkdir(location.folder, 0o755) != 0 && errno != EEXIST {
                throw VaultError.system(call: "mkdir", path: location.folder, code: errno)
            }
            vault = try Vault.create(at: location.vaultPath)
        } catch { throw .vault(error) }
        return try Catalogue(location: location, vault: vault, identity: identity)
    }

    /// Runs a write transaction (IMMEDIATE, so concurrent writers queue on the busy timeout).
    func write<T>(_ body: (Database) throws -> T) throws(CatalogueError) -> T {
        do { return try database.write(body) } catch { throw Self.wrap(error, path: location.databasePath) }
    }

    /// Runs a read.
    func read<T>(_ body: (Database) throws -> T) throws(CatalogueError) -> T {
        do { return try database.read(body) } catch { throw Self.wrap(error, path: location.databasePath) }
    }

    static func wrap(_ error: any Error, path: String) -> CatalogueError {
        if let known = error as? CatalogueError { return known }
        if let vault = error as? VaultError { return .vault(vault) }
        if let sqlite = error as? DatabaseError {
            let io = [ResultCode.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY]
                .contains(sqlite.resultCode)
            let message = (sqlite.message ?? "\(sqlite.resultCode)").lowercased()
            return .database(path: path, message: message, ioFailure: io)
        }
        return .database(path: path, message: "\(error)", ioFailure: false)
    }

    /// SQLite's own checks after a crash: `integrity_check` and `foreign_key_check`.
    /// Returns the problems found (empty when the file is sound).
    public func integrityProblems() throws(CatalogueError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += foreign.map { "foreign key violation in \($0[0] as String? ?? "?") row \($0[1] as Int64? ?? 0)" }
            return problems
        }
    }

    /// The schema as SQLite holds it, one statement per entry, in creation order (GRDB's
    /// bookkeeping table left out); `Schemas/catalogue.sql` is this joined by blank lines.
    public func schemaStatements() throws(CatalogueError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                ORDER BY rowid
                """)
        }
    }

    /// SQLite's version, for collection records.
    public func sqliteVersion() throws(CatalogueError) -> String {
        try read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "unknown" }
    }
}
