import GRDB

/// One clip of the listing, borrowed straight from SQLite's row buffer: the byte views are valid
/// only during the call that receives it, and nothing is copied or decoded to make it. Listing
/// 100,000 clips this way costs a table scan and the output, not 100,000 model values.
public struct ClipListingEntry {
    /// The clip's SHA-256 as 64 lowercase hex digits (ASCII).
    public let digestHex: UnsafeRawBufferPointer
    public let size: Int64
    /// The container duration in microseconds, when the latest probe found one.
    public let durationMicroseconds: Int64?
    /// The reason name (ASCII) when the latest probe failed.
    public let probeFailure: UnsafeRawBufferPointer?
    /// The first collection's source URL (UTF-8, shown escaped).
    public let source: UnsafeRawBufferPointer
    /// The original file name, byte-exact (shown escaped).
    public let originalName: UnsafeRawBufferPointer
}

extension Catalogue {
    /// Calls `body` with every clip in registration order, reading the repeated `listed_*`
    /// columns of `clips` in one scan, until `body` returns false. `body` must not keep the
    /// entry's byte views.
    public func forEachClipListing(_ body: (ClipListingEntry) -> Bool) throws(CatalogueError) {
        try read { db in
            let statement = try db.makeStatement(sql: Self.listingSQL(where: nil))
            try RawColumns.scan(statement, db) { row in body(Self.listingEntry(row)) }
        }
    }
}
