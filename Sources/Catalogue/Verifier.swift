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

/// What one piece of `verify`'s work found; the pieces run side by side.
private enum VerifyPart: Sendable {
    case checked(start: Int, checks: [ObjectCheck])
    case chain(Result<(broken: [Int64], events: Int), CatalogueError>)
    case strays(Result<[String], CatalogueError>)
}

/// The vault's contents, listed on a task of their own.
typealias VaultListingTask = Task<Result<VaultContents, VaultError>, Never>

extension Catalogue {
    /// Opens the catalogue at `location` and verifies it as `verify(repair:concurrency:progress:)`
    /// does. The vault is listed on another core while the catalogue opens, which is work for one.
    public static func openAndVerify(_ location: CatalogueLocation, identity: CustodyIdentity, repair: Bool,
                                     progress: (@Sendable (Int64) -> Void)? = nil) async throws(CatalogueError) -> VerifyReport {
        let vault = try openVault(location)
        let lock = try repairLock(on: vault, repair: repair)
        let listing = listingTask(vault)
        let catalogue = try Catalogue(location: location, vault: vault, identity: identity)
        return try await catalogue.verify(repair: repair, listing: listing, concurrency: nil, progress: progress, holding: lock)
    }

    /// Re-reads and re-hashes every vault object and in-place file, checks the custody chain,
    /// lists untracked vault files, and records a `verified` event. With `repair`, temp files and
    /// objects that nothing references are removed (holding the vault lock exclusively, so no
    /// registration is half-way), never a referenced one.
    ///
    /// The work runs as one group of tasks that keeps every core busy: the chain check and the
    /// vault listing start first, and the files are re-hashed in runs of about equal size, a few
    /// per core, while they go on. `concurrency` caps how many runs are in flight at once.
    public func verify(repair: Bool, concurrency: Int? = nil,
                       progress: (@Sendable (Int64) -> Void)? = nil) async throws(CatalogueError) -> VerifyReport {
        let lock = try Self.repairLock(on: vault, repair: repair)
        return try await verify(repair: repair, listing: Self.listingTask(vault), concurrency: concurrency,
                                progress: progress, holding: lock)
    }

    /// The vault lock, held exclusively while `--repair` runs, from before the vault is listed.
    private static func repairLock(on vault: Vault, repair: Bool) throws(CatalogueError) -> VaultLock? {
        do { return repair ? try VaultLock(vault: vault, mode: .exclusive) : nil } catch { throw .vault(error) }
    }

    private static func listingTask(_ vault: Vault) -> VaultListingTask {
        Task { Result { () throws(VaultError) in try vault.contents() } }
    }

    private func verify(repair: Bool, listing: VaultListingTask, concurrency: Int?,
                        progress: (@Sendable (Int64) -> Void)?, holding lock: VaultLock?) async throws(CatalogueError) -> VerifyReport {
        defer { withExtendedLifetime(lock) {} }

        let cores = ProcessInfo.processInfo.activeProcessorCount
        // Twice the cores by default: a run is always waiting when one ends, so no core idles
        // until this task has handed out the next.
        let inFlight = max(1, concurrency ?? cores * 2)
        let vault = self.vault
        var targets = Result<[VerifyTarget], CatalogueError>.success([])
        var checks: [ObjectCheck?] = []
        var chain = Result<(broken: [Int64], events: Int), CatalogueError>.success(([], 0))
        var strays = Result<[String], CatalogueError>.success([])
        await withTaskGroup(of: VerifyPart.self) { group in
            group.addTask { .chain(Result { () throws(CatalogueError) in try self.chainCheck() }) }
            group.addTask {
                let contents = await listing.value
                return .strays(Result { () throws(CatalogueError) in try self.strayFiles(in: contents) })
            }
            targets = Result { () throws(CatalogueError) in try self.verifyTargets() }
            let list = (try? targets.get()) ?? []
            checks = [ObjectCheck?](repeating: nil, count: list.count)
            var runs = Self.workRuns(of: list, cores: cores)[...]
            func startNext() {
                guard let run = runs.popFirst() else { return }
                let slice = list[run]
                group.addTask { .checked(start: run.lowerBound, checks: Self.recheck(slice, in: vault, progress: progress)) }
            }
            for _ in 0..<inFlight { startNext() }
            while let part = await group.next() {
                switch part {
                case let .checked(start, results):
                    for (offset, check) in results.enumerated() { checks[start + offset] = check }
                    startNext()
                case let .chain(result): chain = result
                case let .strays(result): strays = result
                }
            }
        }
        let files = try targets.get()
        let stray = try strays.get()
        let (broken, events) = try chain.get()

        var findings: [VerifyFinding] = []
        var bytes: Int64 = 0
        for (target, found) in zip(files, checks) {
            let check = found ?? ObjectCheck(state: .unreadable, problem: "not checked")
            bytes += check.actualSize ?? 0
            let clip = target.isClip ? target.digest : nil
            switch check.state {
            case .intact: continue
            case .changed:
                findings.append(VerifyFinding(kind: .changed, path: shown(target), clip: clip,
                                              detail: "hashes to \(check.actualDigest?.hex ?? "?") (\(check.actualSize ?? 0) bytes), recorded \(target.digest.hex)",
                                              repaired: false))
            case .missing:
                findings.append(VerifyFinding(kind: .missing, path: shown(target), clip: clip,
                                              detail: "recorded file is missing", repaired: false))
            case .unreadable:
                findings.append(VerifyFinding(kind: .unreadable, path: shown(target), clip: clip,
                                              detail: check.problem ?? "could not be read", repaired: false))
            }
        }

        do {
            for path in stray {
                var removed = false
                if repair {
                    try vault.remove(relativePath: path)
                    removed = true
                }
                findings.append(VerifyFinding(kind: .untracked, path: "vault/" + path, clip: nil,
                                              detail: "no clip references it", repaired: removed))
            }
        } catch { throw .vault(error) }

        for id in broken {
            findings.append(VerifyFinding(kind: .brokenChain, path: "custody event \(id)", clip: nil,
                                          detail: "its previous-event digest does not match the event before it",
                                          repaired: false))
        }
        let report = VerifyReport(checkedFiles: files.count, checkedBytes: bytes, checkedEvents: events, findings: findings)
        try appendEvent(.verified, clipID: nil, details: VerifiedDetails(
            checkedFiles: report.checkedFiles, checkedBytes: report.checkedBytes, checkedEvents: events,
            findings: findings.count, repaired: findings.filter(\.repaired).count,
            changed: Set(findings.filter { $0.kind == .changed }.compactMap(\.clip?.hex)).sorted()))
        return report
    }

    /// How a target is named in a finding: a vault object by its path in the catalogue folder,
    /// an in-place file by its own path, escaped.
    private func shown(_ target: VerifyTarget) -> String {
        guard let path = target.inPlacePath else { return relative(vault.objectPath(for: target.digest)) }
        return ClipFileName(bytes: path).escaped
    }

    private func relative(_ path: String) -> String {
        path.hasPrefix(location.folder + "/") ? String(path.dropFirst(location.folder.count + 1)) : path
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
