public import FootageModel
import Foundation
import GRDB
import Vault

/// One problem `verify` found.
public struct VerifyFinding: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A stored file's bytes no longer hash to the recorded digest.
        case changed
        /// A recorded file is gone.
        case missing
        /// A recorded file could not be read.
        case unreadable
        /// A file in the vault that nothing in the catalogue references (e.g. left by a crash).
        case untracked
        /// A custody event whose link to the event before it does not match.
        case brokenChain = "broken-chain"
    }

    public var kind: Kind
    /// The file concerned (vault-relative for vault files), or the event for a broken link.
    public var path: String
    /// The clip concerned, if any.
    public var clip: SHA256Digest?
    public var detail: String
    /// Whether `--repair` removed it.
    public var repaired: Bool
}

/// What a verify run checked and found.
public struct VerifyReport: Sendable, Hashable, Codable {
    public var checkedFiles: Int
    public var checkedBytes: Int64
    public var checkedEvents: Int
    public var findings: [VerifyFinding]

    /// Findings still standing (not removed by `--repair`): any makes `verify` exit 1.
    public var outstanding: [VerifyFinding] { findings.filter { !$0.repaired } }
}

/// One stored file to re-hash.
private struct VerifyTarget: Sendable {
    var path: [UInt8]
    var shown: String
    var digest: SHA256Digest
    var clip: SHA256Digest?
}

extension Catalogue {
    /// Re-reads and re-hashes every vault object and in-place file, checks the custody chain,
    /// lists untracked vault files, and records a `verified` event. With `repair`, temp files and
    /// objects that nothing references are removed (holding the vault lock exclusively, so no
    /// registration is half-way), never a referenced one.
    public func verify(repair: Bool, concurrency: Int? = nil,
                       progress: (@Sendable (Int64) -> Void)? = nil) async throws(CatalogueError) -> VerifyReport {
        let lock: VaultLock?
        do { lock = repair ? try VaultLock(vault: vault, mode: .exclusive) : nil } catch { throw .vault(error) }
        defer { withExtendedLifetime(lock) {} }

        var targets: [VerifyTarget] = []
        for clip in try storedClips() {
            if clip.inVault {
                let path = vault.objectPath(for: clip.digest)
                targets.append(VerifyTarget(path: Array(path.utf8), shown: relative(path), digest: clip.digest, clip: clip.digest))
            }
            if let inPlace = clip.inPlacePath {
                targets.append(VerifyTarget(path: inPlace, shown: ClipFileName(bytes: inPlace).escaped,
                                            digest: clip.digest, clip: clip.digest))
            }
        }
        let clipDigests = Set(targets.compactMap(\.clip))
        for digest in try derivedDigests() where !clipDigests.contains(digest) {
            let path = vault.objectPath(for: digest)
            targets.append(VerifyTarget(path: Array(path.utf8), shown: relative(path), digest: digest, clip: nil))
        }

        // The files are hashed while the vault is listed and the custody chain checked, which
        // need nothing from the hashes.
        async let hashed = Self.hashAll(targets, concurrency: concurrency ?? ProcessInfo.processInfo.activeProcessorCount,
                                        progress: progress)
        let referenced = try referencedDigests()
        var strays: [String]
        do {
            strays = try vault.storedFiles().filter { file in file.digest.map { !referenced.contains($0) } ?? true }
                .map(\.relativePath)
            strays += try vault.temporaryFiles()
        } catch { throw .vault(error) }
        let broken = try brokenChainLinks()

        var findings: [VerifyFinding] = []
        var bytes: Int64 = 0
        let checks = await hashed
        for (target, check) in zip(targets, checks) {
            bytes += check.actualSize ?? 0
            switch check.state {
            case .intact: continue
            case .changed:
                findings.append(VerifyFinding(kind: .changed, path: target.shown, clip: target.clip,
                                              detail: "hashes to \(check.actualDigest?.hex ?? "?") (\(check.actualSize ?? 0) bytes), recorded \(target.digest.hex)",
                                              repaired: false))
            case .missing:
                findings.append(VerifyFinding(kind: .missing, path: target.shown, clip: target.clip,
                                              detail: "recorded file is missing", repaired: false))
            case .unreadable:
                findings.append(VerifyFinding(kind: .unreadable, path: target.shown, clip: target.clip,
                                              detail: check.problem ?? "could not be read", repaired: false))
            }
        }

        do {
            for stray in strays {
                var removed = false
                if repair {
                    try vault.remove(relativePath: stray)
                    removed = true
                }
                findings.append(VerifyFinding(kind: .untracked, path: "vault/" + stray, clip: nil,
                                              detail: "no clip references it", repaired: removed))
            }
        } catch { throw .vault(error) }

        for id in broken {
            findings.append(VerifyFinding(kind: .brokenChain, path: "custody event \(id)", clip: nil,
                                          detail: "its previous-event digest does not match the event before it",
                                          repaired: false))
        }
        let events = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM custody_events") ?? 0 }
        let report = VerifyReport(checkedFiles: targets.count, checkedBytes: bytes, checkedEvents: events, findings: findings)
        try appendEvent(.verified, clipID: nil, details: VerifiedDetails(
            checkedFiles: report.checkedFiles, checkedBytes: report.checkedBytes, checkedEvents: events,
            findings: findings.count, repaired: findings.filter(\.repaired).count,
            changed: Set(findings.filter { $0.kind == .changed }.compactMap(\.clip?.hex)).sorted()))
        return report
    }

    private func relative(_ path: String) -> String {
        path.hasPrefix(location.folder + "/") ? String(path.dropFirst(location.folder.count + 1)) : path
    }

    private static func hashAll(_ targets: [VerifyTarget], concurrency: Int,
                                progress: (@Sendable (Int64) -> Void)?) async -> [ObjectCheck] {
        var checks = [ObjectCheck?](repeating: nil, count: targets.count)
        await withTaskGroup(of: (Int, ObjectCheck).self) { group in
            var next = 0
            func startNext() {
                guard next < targets.count else { return }
                let index = next
                next += 1
                group.addTask { (index, Vault.checkFile(targets[index].path, expected: targets[index].digest, progress: progress)) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (index, check) = await group.next() {
                checks[index] = check
                startNext()
            }
        }
        return checks.map { $0 ?? ObjectCheck(state: .unreadable, problem: "not checked") }
    }
}

/// What a `verified` event records.
private struct VerifiedDetails: Encodable {
    var checkedFiles: Int
    var checkedBytes: Int64
    var checkedEvents: Int
    var findings: Int
    var repaired: Int
    /// Digests of the clips whose bytes no longer match (`footage unresolved` lists them).
    var changed: [String]
}
