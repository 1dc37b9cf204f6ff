import GRDB

/// One clip of the listing, borrowed straight from SQLite's row: each field is read from the
/// row when it is asked for, the byte views are valid only during the call that receives the
/// entry, and nothing is copied or decoded to make it. Listing 100,000 clips this way costs a
/// table scan and the output, not 100,000 model values, and a field nobody reads costs nothing.
public struct ClipListingEntry {
    private let row: SQLiteStatement

    init(row: SQLiteStatement) { self.row = row }

    /// The clip's SHA-256 as 64 lowercase hex digits (ASCII).
    public var digestHex: UnsafeRawBufferPointer { RawColumns.bytesOrEmpty(row, 0) }
    public var size: Int64 { RawColumns.int64(row, 1) }
    /// The container duration in microseconds, when the latest probe found one.
    public var durationMicroseconds: Int64? { RawColumns.optionalInt64(row, 2) }
    /// The reason name (ASCII) when the latest probe failed.
    public var probeFailure: UnsafeRawBufferPointer? { RawColumns.bytes(row, 3) }
    /// The first collection's source URL (UTF-8, shown escaped).
    public var source: UnsafeRawBufferPointer { RawColumns.bytesOrEmpty(row, 4) }
    /// The original file name, byte-exact (shown escaped).
    public var originalName: UnsafeRawBufferPointer { RawColumns.bytesOrEmpty(row, 5) }
}

extension Catalogue {
    /// Calls `body` with every clip in registration order, reading the repeated `listed_*`
    /// columns of `clips` in one scan, until `body` returns false. `body` must not keep the
    /// entry's byte views.
    public func forEachClipListing(_ body: (ClipListingEntry) -> Bool) throws(CatalogueError) {
        try read { db in try Self.list(db, Self.listingSQL(where: nil), arguments: [], body) }
    }
}
