public import FootageModel
import Foundation
import GRDB
import Vault

extension Catalogue {
    /// Stores a file derived from a clip (a frame, a contact sheet) in the vault by its hash,
    /// records it against the clip and logs a `derived` event; returns the digest. Storing the
    /// same bytes for the same clip and kind again changes nothing.
    @discardableResult
    public func storeDerivedFile(_ bytes: [UInt8], clipID: Int64, kind: String,
                                 mediaType: String) throws(CatalogueError) -> SHA256Digest {
        let digest: SHA256Digest
        do { digest = try vault.store(bytes: bytes) } catch { throw .vault(error) }
        let details = try Self.detailsJSON(["digest": digest.hex, "kind": kind, "mediaType": mediaType])
        try write { db in
            try db.execute(sql: """
                INSERT INTO derived_files (clip_id, digest, kind, media_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (clip_id, digest, kind) DO NOTHING
                """, arguments: [clipID, digest.hex, kind, mediaType, bytes.count, ISOTime.now()])
            if db.changesCount > 0 {
                _ = try self.appendEvent(db, action: .derived, clipID: clipID, details: details)
            }
        }
        return digest
    }

    /// The vault path of a stored object (a clip's copy or a derived file).
    public func objectPath(for digest: SHA256Digest) -> String {
        vault.objectPath(for: digest)
    }

    /// Every digest a vault object may legitimately have: clips in the vault, derived files and
    /// article texts.
    func referencedDigests() throws(CatalogueError) -> Set<SHA256Digest> {
        try read { db in
            let rows = try String.fetchAll(db, sql: """
                SELECT digest FROM clips WHERE in_vault = 1 UNION SELECT digest FROM derived_files
                UNION SELECT text_digest FROM articles WHERE text_digest IS NOT NULL
                """)
            return Set(rows.compactMap(SHA256Digest.init(hex:)))
        }
    }

    /// Derived files and article texts to re-check in verify.
    func derivedDigests() throws(CatalogueError) -> [SHA256Digest] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT digest FROM derived_files UNION SELECT text_digest FROM articles WHERE text_digest IS NOT NULL
                ORDER BY 1
                """)
                .compactMap(SHA256Digest.init(hex:))
        }
    }
}
