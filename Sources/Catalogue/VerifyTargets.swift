import FootageModel
import GRDB
import Vault

/// One stored file for `verify` to re-hash: a vault object, or an in-place clip's own file. How
/// it is shown in a finding is worked out only if there is one.
struct VerifyTarget: Sendable {
    var digest: SHA256Digest
    /// The in-place file's path, byte-exact; `nil` for a vault object.
    var inPlacePath: [UInt8]?
    /// Whether the file is a clip's (derived files and article texts are not).
    var isClip: Bool
    /// The recorded size, when the catalogue has one: only used to share the work out.
    var size: Int64
}

extension Catalogue {
    /// Every file `verify` re-hashes, in one read: each clip's vault object and in-place file
    /// (in registration order), then the derived files and article texts that are not clips.
    func verifyTargets() throws(CatalogueError) -> [VerifyTarget] {
        try read { db in
            var targets: [VerifyTarget] = []
            var clipDigests = Set<SHA256Digest>()
            let clips = try db.makeStatement(sql: "SELECT digest, size, in_vault, in_place_path FROM clips ORDER BY id")
            try RawColumns.scan(clips, db) { row in
                let digest = Self.digest(RawColumns.bytesOrEmpty(row, 0)) ?? .zero
                let size = RawColumns.int64(row, 1)
                clipDigests.insert(digest)
                if RawColumns.int64(row, 2) != 0 {
                    targets.append(VerifyTarget(digest: digest, inPlacePath: nil, isClip: true, size: size))
                }
                if let path = RawColumns.bytes(row, 3) {
                    targets.append(VerifyTarget(digest: digest, inPlacePath: Array(path), isClip: true, size: size))
                }
                return true
            }
            let derived = try db.makeStatement(sql: """
                SELECT digest FROM derived_files UNION SELECT text_digest FROM articles WHERE text_digest IS NOT NULL
                ORDER BY 1
                """)
            try RawColumns.scan(derived, db) { row in
                if let digest = Self.digest(RawColumns.bytesOrEmpty(row, 0)), !clipDigests.contains(digest) {
                    targets.append(VerifyTarget(digest: digest, inPlacePath: nil, isClip: false, size: 0))
                }
                return true
            }
            return targets
        }
    }

    /// Vault files that nothing in the catalogue references (objects of no clip, derived file or
    /// article text, and strangers' names), then the temp files left in `tmp/`, as paths
    /// relative to the vault. The vault is listed before the references are read, so an object
    /// a registration places meanwhile is found referenced once its clip is recorded.
    func strayFiles(in listing: Result<VaultContents, VaultError>) throws(CatalogueError) -> [String] {
        let contents: VaultContents
        do { contents = try listing.get() } catch { throw .vault(error) }
        let referenced = try referencedDigests()
        return contents.stored.filter { file in file.digest.map { !referenced.contains($0) } ?? true }.map(\.relativePath)
            + contents.temporary
    }

    /// A stored digest from its column bytes, as `SHA256Digest(hex:)` reads the text.
    private static func digest(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest? {
        SHA256Digest(hex: String(decoding: bytes, as: UTF8.self))
    }

    /// Splits the targets into runs of about equal work, several per core so that the cores
    /// finish together: a file costs its size plus a fixed amount for opening and closing it.
    static func workRuns(of targets: [VerifyTarget], cores: Int) -> [Range<Int>] {
        let perFile: Int64 = 64 << 10
        let total = targets.reduce(Int64(0)) { $0 + max(0, $1.size) + perFile }
        let share = max(perFile, total / Int64(max(1, cores) * 8))
        var runs: [Range<Int>] = []
        var start = 0
        var work: Int64 = 0
        for (index, target) in targets.enumerated() {
            work += max(0, target.size) + perFile
            if work >= share {
                runs.append(start..<index + 1)
                start = index + 1
                work = 0
            }
        }
        if start < targets.count { runs.append(start..<targets.count) }
        return runs
    }

    /// Re-hashes a run of targets on the calling thread with one rechecker.
    static func recheck(_ targets: ArraySlice<VerifyTarget>, in vault: Vault,
                        progress: (@Sendable (Int64) -> Void)?) -> [ObjectCheck] {
        let rechecker = FileRechecker(vault: vault)
        return targets.map { target in
            if let path = target.inPlacePath {
                return rechecker.checkFile(path, expected: target.digest, progress: progress)
            }
            return rechecker.checkObject(target.digest, progress: progress)
        }
    }
}
