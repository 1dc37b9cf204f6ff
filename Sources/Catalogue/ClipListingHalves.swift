import Dispatch
import Foundation
import GRDB
import Synchronization

/// The later half of a listing read in two halves, handed to the thread that reads it. Its rows
/// are borrowed like those of `forEachClipListing`; it is only valid inside the call it is
/// handed to. Not Sendable: it belongs to that thread.
public final class ClipListingRows {
    private let db: Database
    private let after: Int64
    private let coordination: HalfListing
    private(set) var failure: (any Error)?

    /// About how many rows the half holds (its span of clip ids), for sizing buffers.
    public let estimatedCount: Int

    fileprivate init(db: Database, after: Int64, estimatedCount: Int, coordination: HalfListing) {
        self.db = db
        self.after = after
        self.estimatedCount = estimatedCount
        self.coordination = coordination
    }

    /// Calls `body` with every clip of the later half in order, until it returns false or the
    /// listing no longer needs this half.
    public func forEach(_ body: (ClipListingEntry) -> Bool) {
        do {
            let statement = try db.makeStatement(sql: Catalogue.listingSQL(where: "id > ?"))
            try statement.setArguments([after])
            try RawColumns.scan(statement, db) { row in
                !coordination.isAbandoned && body(Catalogue.listingEntry(row))
            }
        } catch {
            failure = error
        }
    }
}

@available(*, unavailable)
extension ClipListingRows: Sendable {}

/// What the two threads of a half-and-half listing share: when the later half's snapshot is
/// taken, whether its rows are still wanted, and what it came to.
private final class HalfListing: Sendable {
    private struct State {
        var pinned = false
        var finished = false
    }

    private let state = Mutex(State())
    private let abandoned = Atomic<Bool>(false)
    private let pinnedSignal = DispatchSemaphore(value: 0)
    private let finishedSignal = DispatchSemaphore(value: 0)

    var isAbandoned: Bool { abandoned.load(ordering: .relaxed) }

    func abandon() { abandoned.store(true, ordering: .relaxed) }

    /// Says the later half's read transaction has begun (or never will); only the first call counts.
    func markPinned() {
        let first = state.withLock { state in
            defer { state.pinned = true }
            return !state.pinned
        }
        if first { pinnedSignal.signal() }
    }

    func waitUntilPinned() {
        pinnedSignal.wait()
        pinnedSignal.signal()
    }

    func markFinished() {
        markPinned()
        state.withLock { $0.finished = true }
        finishedSignal.signal()
    }

    /// Waits for the later half's thread to end; calling it again returns at once.
    func waitUntilFinished() {
        finishedSignal.wait()
        finishedSignal.signal()
    }
}

/// The later half's outcome, handed from its thread to the caller.
private final class HalfOutcome<Value: Sendable>: Sendable {
    private let value = Mutex<Result<Value, DatabaseError>?>(nil)

    func set(_ outcome: Result<Value, DatabaseError>) { value.withLock { $0 = outcome } }

    var outcome: Result<Value, DatabaseError>? { value.withLock { $0 } }
}

extension Catalogue {
    /// The listing's query, restricted by `condition` (a range of clip ids) when there is one.
    static func listingSQL(where condition: String?) -> String {
        "SELECT digest, size, listed_duration_us, listed_probe_failure, listed_source, listed_name FROM clips"
            + (condition.map { " WHERE " + $0 } ?? "") + " ORDER BY id"
    }

    static func listingEntry(_ row: SQLiteStatement) -> ClipListingEntry {
        ClipListingEntry(row: row)
    }

    /// Lists every clip in registration order, reading the two halves of a large catalogue at
    /// once on two connections: `earlier` is called on this thread with the clips of the first
    /// half, while `later` runs on a thread of its own with the rest and returns what it made of
    /// them; that is returned once both are done. Both halves see one and the same snapshot of
    /// the catalogue: this connection notes SQLite's data version, the later half begins its
    /// read, and this one begins its own and reads the version again. Had anything been
    /// committed in between, the later half is dropped and `earlier` gets every clip from this
    /// connection's snapshot; the result is then `nil`, as it is for a catalogue of fewer than
    /// `splitFrom` clips, which is read in one piece. `earlier` returning false ends the listing.
    /// `betweenLooks` runs between the two readings of the version (for tests to commit there).
    public func forEachClipListing<Later: Sendable>(
        earlier: (ClipListingEntry) -> Bool,
        later: @escaping @Sendable (ClipListingRows) -> Later,
        splitFrom: Int = 20_000,
        betweenLooks: (() -> Void)? = nil
    ) throws(CatalogueError) -> Later? {
        do {
            return try database.unsafeRead { db -> Later? in
                let before = try Int.fetchOne(db, sql: "PRAGMA data_version")
                // Two lookups at the ends of the rowid tree: `min(id), max(id)` in one query would scan it.
                let bounds = try Row.fetchOne(db, sql: """
                    SELECT (SELECT id FROM clips ORDER BY id LIMIT 1), (SELECT id FROM clips ORDER BY id DESC LIMIT 1)
                    """)
                guard let low: Int64 = bounds?[0], let high: Int64 = bounds?[1], high - low + 1 >= Int64(max(2, splitFrom)) else {
                    try Self.listWhole(db, earlier)
                    return nil
                }
                let split = low + (high - low) / 2
                let coordination = HalfListing()
                let outcome = HalfOutcome<Later>()
                let pool = database
                let laterHalf = Thread {
                    do {
                        let value = try pool.read { db in
                            // Reading the version begins this half's read transaction: its snapshot.
                            _ = try Int.fetchOne(db, sql: "PRAGMA data_version")
                            coordination.markPinned()
                            let rows = ClipListingRows(db: db, after: split, estimatedCount: Int(high - split),
                                                       coordination: coordination)
                            let value = later(rows)
                            if let failure = rows.failure { throw failure }
                            return value
                        }
                        outcome.set(.success(value))
                    } catch let error as DatabaseError {
                        outcome.set(.failure(error))
                    } catch {
                        outcome.set(.failure(DatabaseError(message: "\(error)")))
                    }
                    coordination.markFinished()
                }
                laterHalf.start()
                defer {
                    coordination.abandon()
                    coordination.waitUntilFinished()
                }
                coordination.waitUntilPinned()
                betweenLooks?()
                var whole = false
                try db.inTransaction(.deferred) {
                    whole = try Int.fetchOne(db, sql: "PRAGMA data_version") != before
                    if whole {
                        coordination.abandon()
                        try Self.list(db, Self.listingSQL(where: nil), arguments: [], earlier)
                    } else if try !Self.list(db, Self.listingSQL(where: "id <= ?"), arguments: [split], earlier) {
                        coordination.abandon()
                    }
                    return .commit
                }
                coordination.waitUntilFinished()
                if whole || coordination.isAbandoned { return nil }
                switch outcome.outcome {
                case let .success(value): return value
                case let .failure(error): throw error
                case nil: return nil
                }
            }
        } catch {
            throw Self.wrap(error, path: location.databasePath)
        }
    }

    /// The whole listing in one read transaction on this connection.
    private static func listWhole(_ db: Database, _ body: (ClipListingEntry) -> Bool) throws {
        try db.inTransaction(.deferred) {
            try list(db, listingSQL(where: nil), arguments: [], body)
            return .commit
        }
    }

    /// Steps one listing query; returns false when `body` asked to stop.
    @discardableResult
    static func list(_ db: Database, _ sql: String, arguments: StatementArguments,
                             _ body: (ClipListingEntry) -> Bool) throws -> Bool {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        var finished = true
        try RawColumns.scan(statement, db) { row in
            finished = body(listingEntry(row))
            return finished
        }
        return finished
    }
}
