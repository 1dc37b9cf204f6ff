public import FootageModel
public import Vault
import Foundation
import Synchronization

/// Probes one file (by path) and returns its record or why it could not be probed. The command
/// line passes the isolated worker pool; tests pass the in-process prober.
public typealias ClipProbeFunction = @Sendable (String) async -> Result<ProbeRecord, ClipProbeFailure>

/// What the registration of one input came to.
public struct RegistrationResult: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// Recorded: a new clip, or new custody for bytes already registered.
        case registered(digest: SHA256Digest, size: Int64, newClip: Bool, probeFailure: ClipProbeFailure?)
        /// Not a regular file: reported, never opened.
        case skipped(kind: FileKind)
        /// Nothing was recorded for this input.
        case failed(RegistrationFailure)
    }

    public var path: ClipFileName
    public var outcome: Outcome
}

/// Why one input could not be registered, with the class of failure the exit code reflects.
public struct RegistrationFailure: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Kind: Int, Sendable, Hashable, Comparable {
        /// The data could not be used (it changed while read, the vault copy disagrees).
        case badData = 1
        /// The input was missing or could not be opened.
        case missingInput = 2
        /// The system failed to read or write (disk full, I/O error, catalogue write failed).
        case inputOutput = 3

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }

    init(_ error: VaultError) {
        switch error {
        case .sourceChanged, .notRegularFile, .objectMismatch: kind = .badData
        case .missingVault: kind = .missingInput
        case .system: kind = error.isMissingInput ? .missingInput : .inputOutput
        }
        message = error.description
    }

    init(_ error: CatalogueError) {
        if case let .vault(inner) = error {
            self.init(inner)
        } else {
            self.init(kind: .inputOutput, message: error.description)
        }
    }
}

/// Files read and probed, waiting for the writer.
private final class Inbox: Sendable {
    private let waiting = Mutex<[(Int, Registrar.Prepared)]>([])

    func put(_ index: Int, _ prepared: Registrar.Prepared) {
        waiting.withLock { $0.append((index, prepared)) }
    }

    func takeAll() -> [(Int, Registrar.Prepared)] {
        waiting.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }
}

/// What the collector says about a batch of files.
public struct RegistrationRequest: Sendable {
    public var sourceURL: String
    /// ISO 8601 UTC; `nil` means the time of registration.
    public var collectedAt: String?
    public var collector: String
    public var note: String?
    public var inPlace: Bool
    /// Library versions for the collection record (the caller adds FFmpeg's; SQLite's is added here).
    public var libraryVersions: [String: String]

    public init(sourceURL: String, collectedAt: String?, collector: String, note: String?, inPlace: Bool,
                libraryVersions: [String: String]) {
        self.sourceURL = sourceURL
        self.collectedAt = collectedAt
        self.collector = collector
        self.note = note
        self.inPlace = inPlace
        self.libraryVersions = libraryVersions
    }
}

/// Registers files: reads each once (hashing while copying into the vault), probes it, and
/// records it. Files are read and probed in parallel, at most `concurrency` at a time; one
/// writer records them, and a file is reported only once its object and row are durable.
public struct Registrar: Sendable {
    public let catalogue: Catalogue
    public let probe: ClipProbeFunction
    public let concurrency: Int

    public init(catalogue: Catalogue, probe: @escaping ClipProbeFunction,
                concurrency: Int? = nil) {
        self.catalogue = catalogue
        self.probe = probe
        self.concurrency = max(1, concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Registers every item, calling `report` as each one is settled (in completion order) and
    /// `progress` with bytes as they are read. Returns the results in input order.
    public func register(_ items: [InputItem], request: RegistrationRequest,
                         progress: (@Sendable (Int64) -> Void)? = nil,
                         report: @Sendable (RegistrationResult) -> Void = { _ in }) async -> [RegistrationResult] {
        var results = [RegistrationResult?](repeating: nil, count: items.count)
        let lock: VaultLock
        do { lock = try VaultLock(vault: catalogue.vault, mode: .shared) } catch {
            return items.map { RegistrationResult(path: ClipFileName(bytes: $0.path), outcome: .failed(RegistrationFailure(error))) }
        }
        var versions = request.libraryVersions
        versions["sqlite"] = (try? catalogue.sqliteVersion()) ?? "unknown"
        let fixed = versions
        // Readers hand finished files to one writer through `inbox`; the writer commits whatever
        // has gathered since its last commit in one transaction (group commit), then reports.
        let inbox = Inbox()
        let (signals, signal) = AsyncStream<Void>.makeStream()
        let concurrency = self.concurrency
        await withTaskGroup(of: Void.self) { outer in
            outer.addTask {
                await withTaskGroup(of: Void.self) { group in
                    var next = 0
                    func startNext() {
                        guard next < items.count else { return }
                        let index = next
                        next += 1
                        group.addTask {
                            let prepared = await self.prepare(items[index], request: request, versions: fixed, progress: progress)
                            inbox.put(index, prepared)
                            signal.yield()
                        }
                    }
                    for _ in 0..<concurrency { startNext() }
                    while await group.next() != nil { startNext() }
                }
                signal.finish()
            }
            var settledCount = 0
            for await _ in signals {
                for (index, result) in settle(inbox.takeAll(), items: items) {
                    report(result)
                    results[index] = result
                    settledCount += 1
                }
                if settledCount == items.count { break }
            }
            await outer.waitForAll()
        }
        withExtendedLifetime(lock) {}
        return results.enumerated().map { index, result in
            result ?? RegistrationResult(path: ClipFileName(bytes: items[index].path),
                                         outcome: .failed(RegistrationFailure(kind: .inputOutput, message: "not registered")))
        }
    }

    /// A file read and probed, waiting for the writer.
    fileprivate enum Prepared: Sendable {
        case record(RegistrationRecord)
        case skipped(FileKind)
        case failed(RegistrationFailure)
    }

    private func prepare(_ item: InputItem, request: RegistrationRequest, versions: [String: String],
                         progress: (@Sendable (Int64) -> Void)?) async -> Prepared {
        let path: [UInt8]
        switch item {
        case let .file(found, _): path = found
        case let .skipped(_, kind): return .skipped(kind)
        case let .failed(_, error): return .failed(RegistrationFailure(error))
        }
        let absolute = Self.absolute(path)
        // A large source is probed while it is being hashed and copied, so the probe costs no
        // time of its own; the result is kept only if the file is unchanged after both.
        let early: Task<ClipProbe, Never>? = Self.worthProbingEarly(item)
            ? String(validating: absolute, as: UTF8.self).map { sourcePath in
                Task { await self.probeRecord(sourcePath) }
            } : nil
        let ingested: IngestedFile
        do { ingested = try catalogue.vault.ingest(path: absolute, copy: !request.inPlace, progress: progress) } catch {
            early?.cancel()
            _ = await early?.value
            return .failed(RegistrationFailure(error))
        }
        var probe: ClipProbe?
        let earlyProbe = await early?.value
        if (try? catalogue.isProbed(ingested.digest)) != true {
            // A failed early probe is not trusted either: it may have failed for the source's
            // sake (its path, its slow disk under the worker's deadline), not the bytes'.
            if let earlyProbe, earlyProbe.failure == nil, Self.unchanged(absolute, since: ingested.status) {
                probe = earlyProbe
            } else {
                // The vault copy is what is probed: it is the evidence, and its name is plain ASCII.
                let probePath = request.inPlace ? String(decoding: absolute, as: UTF8.self)
                    : catalogue.vault.objectPath(for: ingested.digest)
                probe = await probeRecord(probePath)
            }
        }
        let now = ISOTime.now()
        let collection = ClipCollection(
            sourceURL: request.sourceURL, collectedAt: request.collectedAt ?? now, collector: request.collector,
            originalName: ClipFileName(lastComponentOf: path), originalPath: ClipFileName(bytes: absolute),
            size: ingested.size, digest: ingested.digest, note: request.note,
            toolVersion: catalogue.identity.toolVersion, libraryVersions: versions, recordedAt: now)
        return .record(RegistrationRecord(digest: ingested.digest, size: ingested.size, copied: ingested.copied,
                                          inPlacePath: request.inPlace ? absolute : nil,
                                          collection: collection, probe: probe))
    }

    /// Files at least this large are probed while they are read (below it, the read is shorter
    /// than starting a probe, and a probe of bytes already registered would be wasted).
    static let earlyProbeSize: Int64 = 16 << 20

    private static func worthProbingEarly(_ item: InputItem) -> Bool {
        if case let .file(_, size) = item { return size >= earlyProbeSize }
        return false
    }

    /// Whether the file at `path` is still exactly the one that was read, so that a probe that
    /// ran alongside the read, whenever it finished, saw the bytes the digest was computed from.
    private static func unchanged(_ path: [UInt8], since status: FileStatus) -> Bool {
        guard let now = try? Vault.status(of: path) else { return false }
        return now.change(since: status) == nil
    }

    /// Probes one file, recording when the probe started.
    private func probeRecord(_ path: String) async -> ClipProbe {
        let started = ISOTime.now()
        switch await self.probe(path) {
        case let .success(record):
            let json = (try? Catalogue.detailsJSON(record)) ?? "{}"
            return ClipProbe(probedAt: started, facts: ClipProbeFacts(record: record), recordJSON: json, failure: nil)
        case let .failure(failure):
            return ClipProbe(probedAt: started, facts: nil, recordJSON: nil, failure: failure)
        }
    }

    /// Records a batch of prepared files in one transaction and turns each into its result. If
    /// the batch cannot be committed, each file is tried alone so that one failure stays one.
    private func settle(_ batch: [(Int, Prepared)], items: [InputItem]) -> [(Int, RegistrationResult)] {
        var settled: [(Int, RegistrationResult)] = []
        var records: [(Int, RegistrationRecord)] = []
        for (index, prepared) in batch {
            let name = ClipFileName(bytes: items[index].path)
            switch prepared {
            case let .skipped(kind): settled.append((index, RegistrationResult(path: name, outcome: .skipped(kind: kind))))
            case let .failed(failure): settled.append((index, RegistrationResult(path: name, outcome: .failed(failure))))
            case let .record(record): records.append((index, record))
            }
        }
        guard !records.isEmpty else { return settled }
        if let recorded = try? catalogue.record(records.map(\.1)) {
            for ((index, record), outcome) in zip(records, recorded) {
                settled.append((index, registered(record, outcome, path: items[index].path)))
            }
            return settled
        }
        for (index, record) in records {
            let name = ClipFileName(bytes: items[index].path)
            do {
                let outcome = try catalogue.record([record])
                settled.append((index, registered(record, outcome.first, path: items[index].path)))
            } catch {
                settled.append((index, RegistrationResult(path: name, outcome: .failed(RegistrationFailure(error)))))
            }
        }
        return settled
    }

    private func registered(_ record: RegistrationRecord, _ outcome: RecordedRegistration?, path: [UInt8]) -> RegistrationResult {
        RegistrationResult(path: ClipFileName(bytes: path), outcome: .registered(
            digest: record.digest, size: record.size, newClip: outcome?.isNewClip ?? false,
            probeFailure: record.probe?.failure))
    }

    /// The path made absolute against the working directory, byte for byte.
    static func absolute(_ path: [UInt8]) -> [UInt8] {
        if path.first == UInt8(ascii: "/") { return path }
        return Array(CatalogueLocation.currentWorkingDirectory().utf8) + [UInt8(ascii: "/")] + path
    }
}

extension RegistrationFailure {
    init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
