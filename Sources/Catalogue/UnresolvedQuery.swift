public import FootageModel
import Foundation
import GRDB
import Vault
import Glibc

/// One page of `footage unresolved`.
public struct UnresolvedPage: Sendable, Hashable {
    public var items: [UnresolvedItem]
    /// Whether more items exist beyond this page.
    public var hasMore: Bool
}

extension UnresolvedReason {
    /// The order reasons are listed in: the state of the evidence first, then the verdicts that
    /// need a person, then work not yet done. Missing files come last because finding them takes
    /// a stat of every clip, which a first page filled by cheaper reasons never needs.
    public static let listingOrder: [UnresolvedReason] = [
        .hashMismatch, .probeFailed, .inconsistent, .inconclusive, .vfrUncertain, .ambiguousTimeExpression,
        .needsPerson, .unchecked, .notAnalyzed, .noClipLinked, .describedFootageNotRegistered,
        .clipWithoutClaims, .clipMissing,
    ]
}

extension Catalogue {
    /// What still needs work, reason by reason (`UnresolvedReason.listingOrder`), each item with
    /// the command to run next. Every reason is one query over an index that stops once the page
    /// is full, so the first page costs the same on a catalogue of any size.
    public func unresolved(reason only: UnresolvedReason? = nil, limit: Int = 50) throws(CatalogueError) -> UnresolvedPage {
        let wanted = max(0, limit) + 1
        let items: [UnresolvedItem] = try read { db in
            var found: [UnresolvedItem] = []
            for reason in UnresolvedReason.listingOrder where only == nil || only == reason {
                let room = wanted - found.count
                guard room > 0 else { break }
                found += try self.unresolvedItems(db, reason: reason, limit: room)
            }
            return found
        }
        let hasMore = items.count > max(0, limit)
        return UnresolvedPage(items: Array(items.prefix(max(0, limit))), hasMore: hasMore)
    }

    private func unresolvedItems(_ db: Database, reason: UnresolvedReason, limit: Int) throws -> [UnresolvedItem] {
        switch reason {
        case .hashMismatch: return try UnresolvedSQL.hashMismatch(db, limit: limit)
        case .probeFailed: return try UnresolvedSQL.probeFailed(db, limit: limit)
        case .inconsistent, .inconclusive: return try UnresolvedSQL.unsettledVerdicts(db, outcome: reason, limit: limit)
        case .vfrUncertain: return try UnresolvedSQL.variableFrameRate(db, limit: limit)
        case .ambiguousTimeExpression: return try UnresolvedSQL.ambiguous(db, limit: limit)
        case .needsPerson: return try UnresolvedSQL.needsPerson(db, limit: limit)
        case .unchecked: return try UnresolvedSQL.unchecked(db, limit: limit)
        case .notAnalyzed: return try UnresolvedSQL.notAnalyzed(db, limit: limit)
        case .noClipLinked, .describedFootageNotRegistered: return try UnresolvedSQL.unlinked(db, reason: reason, limit: limit)
        case .clipWithoutClaims: return try UnresolvedSQL.clipsWithoutClaims(db, limit: limit)
        case .clipMissing: return try missingClips(db, limit: limit)
        }
    }

    /// Clips whose vault object or in-place file no longer exists: one `stat` each, no hashing.
    private func missingClips(_ db: Database, limit: Int) throws -> [UnresolvedItem] {
        var items: [UnresolvedItem] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT digest, in_vault, in_place_path FROM clips ORDER BY id")
        while items.count < limit, let row = try cursor.next() {
            guard let digest = SHA256Digest(hex: row[0]) else { continue }
            var gone: [String] = []
            if row[1] as Bool, !Self.exists(Array(vault.objectPath(for: digest).utf8)) {
                gone.append("the vault copy objects/\(digest.hex.prefix(2))/\(digest.hex.dropFirst(2))")
            }
            if let path = row[2] as Data?, !Self.exists([UInt8](path)) {
                gone.append("the in-place file \(ClipFileName(bytes: [UInt8](path)).escaped)")
            }
            guard !gone.isEmpty else { continue }
            items.append(UnresolvedItem(reason: .clipMissing, clip: digest, claim: nil,
                                        detail: gone.joined(separator: " and ") + " is gone",
                                        next: "restore it, then footage verify"))
        }
        return items
    }

    private static func exists(_ path: [UInt8]) -> Bool {
        var status = stat()
        return (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                guard let base = characters.baseAddress else { return false }
                return lstat(base, &status) == 0
            }
        }
    }
}
