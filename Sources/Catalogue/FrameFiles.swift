public import FootageModel
import Foundation
import GRDB
import Vault

/// What a stored frame image or contact sheet shows and how it was drawn: enough to find it again
/// without decoding the clip.
public struct FrameFileKey: Sendable, Hashable, Codable {
    /// `frame` or `sheet`, the derived file's kind.
    public var kind: String
    /// `png` or `jpg`.
    public var format: String
    /// The drawing settings that change the bytes (size, rotation), e.g. `width=320 rotate=90`.
    public var rendering: String
    /// What was asked for, e.g. `at 5500ms`, `keyframe at or before 5500ms`, `pts 140800`.
    public var request: String

    public init(kind: String, format: String, rendering: String, request: String) {
        self.kind = kind
        self.format = format
        self.rendering = rendering
        self.request = request
    }
}

/// A frame image or contact sheet of a clip, kept in the vault.
public struct StoredFrameFile: Sendable, Hashable {
    public var key: FrameFileKey
    public var digest: SHA256Digest
    public var mediaType: String
    /// The frame shown (one), or the frames on the sheet in order.
    public var frames: [FrameRecord]
    /// Presentation time of the clip's first presented frame (player time 0).
    public var origin: MediaTime
    /// Clockwise turn applied to the picture (0 when none is recorded or rotation was off).
    public var rotationApplied: Int
    /// Where the vault keeps the bytes (read-only).
    public var objectPath: String
}

extension Catalogue {
    /// Stores a frame image or sheet of a clip: the bytes in the vault, a `derived_files` row and a
    /// `derived` custody event whose details record the key and the frames shown, all once. The
    /// event is how `storedFrameFile` finds the file again; bytes already stored for this clip and
    /// kind (another request that drew the same picture) add nothing.
    @discardableResult
    public func storeFrameFile(_ bytes: [UInt8], clipID: Int64, key: FrameFileKey, mediaType: String,
                               frames: [FrameRecord], origin: MediaTime,
                               rotationApplied: Int) throws(CatalogueError) -> StoredFrameFile {
        let digest: SHA256Digest
        do { digest = try vault.store(bytes: bytes) } catch { throw .vault(error) }
        let details = try Self.detailsJSON(FrameFileDetails(
            digest: digest.hex, kind: key.kind, mediaType: mediaType, format: key.format,
            rendering: key.rendering, request: key.request, frames: frames, origin: origin,
            rotationApplied: rotationApplied))
        try write { db in
            try db.execute(sql: """
                INSERT INTO derived_files (clip_id, digest, kind, media_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (clip_id, digest, kind) DO NOTHING
                """, arguments: [clipID, digest.hex, key.kind, mediaType, bytes.count, ISOTime.now()])
            if db.changesCount > 0 {
                _ = try self.appendEvent(db, action: .derived, clipID: clipID, details: details)
            }
        }
        return StoredFrameFile(key: key, digest: digest, mediaType: mediaType, frames: frames, origin: origin,
                               rotationApplied: rotationApplied, objectPath: vault.objectPath(for: digest))
    }

    /// The frame file stored for this clip and key, if its event is recorded and its bytes are
    /// still in the vault.
    public func storedFrameFile(clipID: Int64, key: FrameFileKey) throws(CatalogueError) -> StoredFrameFile? {
        let text: String? = try read { db in
            try String.fetchOne(db, sql: """
                SELECT e.details FROM custody_events e
                JOIN derived_files d ON d.clip_id = e.clip_id AND d.digest = json_extract(e.details, '$.digest')
                    AND d.kind = json_extract(e.details, '$.kind')
                WHERE e.clip_id = ? AND e.action = 'derived'
                    AND json_extract(e.details, '$.kind') = ? AND json_extract(e.details, '$.format') = ?
                    AND json_extract(e.details, '$.rendering') = ? AND json_extract(e.details, '$.request') = ?
                ORDER BY e.id DESC LIMIT 1
                """, arguments: [clipID, key.kind, key.format, key.rendering, key.request])
        }
        guard let text, let file = try frameFile(fromDetails: text, clipID: clipID), vault.contains(file.digest) else {
            return nil
        }
        return file
    }

    /// Every frame image and sheet stored for a clip, in the order they were made.
    public func frameFiles(clipID: Int64) throws(CatalogueError) -> [StoredFrameFile] {
        let texts: [String] = try read { db in
            try String.fetchAll(db, sql: """
                SELECT details FROM custody_events
                WHERE clip_id = ? AND action = 'derived' AND json_extract(details, '$.request') IS NOT NULL
                ORDER BY id
                """, arguments: [clipID])
        }
        var files: [StoredFrameFile] = []
        for text in texts {
            if let file = try frameFile(fromDetails: text, clipID: clipID) { files.append(file) }
        }
        return files
    }

    private func frameFile(fromDetails text: String, clipID: Int64) throws(CatalogueError) -> StoredFrameFile? {
        let details: FrameFileDetails
        do {
            details = try JSONDecoder().decode(FrameFileDetails.self, from: Data(text.utf8))
        } catch {
            throw .database(path: location.databasePath,
                            message: "a derived event of clip #\(clipID) cannot be read: \(error)", ioFailure: false)
        }
        guard let digest = SHA256Digest(hex: details.digest) else { return nil }
        return StoredFrameFile(
            key: FrameFileKey(kind: details.kind, format: details.format, rendering: details.rendering,
                              request: details.request),
            digest: digest, mediaType: details.mediaType, frames: details.frames, origin: details.origin,
            rotationApplied: details.rotationApplied, objectPath: vault.objectPath(for: digest))
    }
}

/// What a `derived` custody event records for a frame image or sheet.
private struct FrameFileDetails: Codable {
    var digest: String
    var kind: String
    var mediaType: String
    var format: String
    var rendering: String
    var request: String
    var frames: [FrameRecord]
    var origin: MediaTime
    var rotationApplied: Int
}
