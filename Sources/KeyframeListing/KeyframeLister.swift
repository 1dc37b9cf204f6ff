#if canImport(Glibc)
import Glibc
#endif
import ContainerIndex
internal import Dispatch
public import FootageModel
import Foundation
public import ProbeIsolation

/// `footage probe --keyframes`: each file's keyframe list, from the MP4/MOV index where there is
/// a usable one, otherwise from a demux scan in a probe worker.
///
/// The index is read by `footage-index-worker`, a separate program that links no media library
/// and so starts in milliseconds; like the probe worker it runs with its own resource limits and
/// a wall-clock deadline, and a crash or a hang is a failure of that file only. When it says the
/// file has no usable index (another container, fragments, a cut or damaged file), the probe
/// workers' packet scan answers instead, so that every container the prober reads works.
public struct KeyframeLister: Sendable {
    public struct Configuration: Sendable {
        /// The index worker, run as `footage-index-worker FILE`.
        public var indexWorkerPath: String
        /// How long an index worker, or a scan, may take per file.
        public var deadline: ProbeDeadline
        /// More output than this from the index worker is treated as a broken worker.
        public var maximumIndexOutputBytes: Int
        /// For the scans.
        public var pool: ProbeWorkerPool.Configuration

        public init(indexWorkerPath: String = KeyframeLister.bundledIndexWorker, deadline: ProbeDeadline = .init(),
                    maximumIndexOutputBytes: Int = 1 << 28, pool: ProbeWorkerPool.Configuration = .init()) {
            self.indexWorkerPath = indexWorkerPath
            self.deadline = deadline
            self.maximumIndexOutputBytes = maximumIndexOutputBytes
            self.pool = pool
        }
    }

    /// The name of the index worker executable, installed in the same folder as `footage`.
    public static let indexWorkerName = "footage-index-worker"

    /// The index worker beside the running executable.
    public static let bundledIndexWorker: String = {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "/proc/self/exe"
        let folder = running.lastIndex(of: "/").map { String(running[..<$0]) } ?? "."
        return folder + "/" + indexWorkerName
    }()

    public var configuration: Configuration

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Every file's keyframes, or why there are none, in the order of `paths`.
    ///
    /// - Parameter forceScan: scan every file, even those with a usable index.
    public func list(paths: [String], forceScan: Bool = false) async -> [Result<[KeyframeEntry], ProbeError>] {
        var results = [Result<[KeyframeEntry], ProbeError>?](repeating: nil, count: paths.count)
        var toScan: [Int] = []
        for (offset, path) in paths.enumerated() {
            if forceScan {
                toScan.append(offset)
                continue
            }
            switch await fromIndex(path) {
            case .some(let result): results[offset] = result
            case .none: toScan.append(offset)
            }
        }
        if !toScan.isEmpty {
            var poolConfiguration = configuration.pool
            poolConfiguration.deadline = configuration.deadline
            poolConfiguration.maximumWorkers = min(poolConfiguration.maximumWorkers, toScan.count)
            let pool = ProbeWorkerPool(configuration: poolConfiguration)
            let scanned = await Self.scan(toScan.map { paths[$0] }, pool: pool)
            await pool.shutdown()
            for (offset, result) in zip(toScan, scanned) { results[offset] = result }
        }
        return results.enumerated().map { offset, result in
            result ?? .failure(ProbeError(reason: .internal, path: paths[offset], message: "\(paths[offset]): no result was produced"))
        }
    }

    /// The list from the index worker; `nil` when the file has no usable index and must be scanned.
    func fromIndex(_ path: String) async -> Result<[KeyframeEntry], ProbeError>? {
        let checked: CheckedPath
        switch PathPrecheck.check(path) {
        case .failure(let error): return .failure(error)
        case .success(let value): checked = value
        }
        // The worker refuses symbolic links (`O_NOFOLLOW`); the one the user named is resolved here.
        let target = checked.symlinkTarget == nil ? path : Self.resolved(path)
        let run = IndexWorkerRun(executable: configuration.indexWorkerPath,
                                 allowance: Self.nanoseconds(configuration.deadline.allowance(for: .packets, byteCount: checked.byteCount)),
                                 maximumOutputBytes: configuration.maximumIndexOutputBytes)
        let outcome = await Self.blocking { () -> Result<IndexWorkerRun.Outcome, SystemCallFailure> in
            do throws(SystemCallFailure) { return .success(try run.run(path: target)) } catch { return .failure(error) }
        }
        switch outcome {
        case .failure(let failure):
            return .failure(ProbeError(reason: .internal, path: path, message: "\(path): could not run the index worker: \(failure)"))
        case .success(let outcome):
            return Self.interpret(outcome, path: path, allowance: run.allowance)
        }
    }

    /// What the index worker's end means for the file.
    static func interpret(_ outcome: IndexWorkerRun.Outcome, path: String, allowance: UInt64) -> Result<[KeyframeEntry], ProbeError>? {
        switch outcome {
        case .timedOut:
            let seconds = (Double(allowance) / 1e8).rounded() / 10
            return .failure(ProbeError(reason: .timedOut, path: path,
                                       message: "\(path): the index worker did not finish within \(seconds) s and was killed"))
        case .tooMuchOutput:
            return .failure(ProbeError(reason: .workerCrashed, path: path,
                                       message: "\(path): the index worker wrote more than a keyframe list can hold and was killed"))
        case .ended(.signalled(let signal), _):
            return .failure(ProbeError(reason: .workerCrashed, path: path,
                                       message: "\(path): the index worker \(WorkerExit.signalled(signal: signal).description)"))
        case .ended(.exited(let code), let output):
            switch IndexWorkerStatus(rawValue: code) {
            case .listed:
                guard let entries = KeyframeListJSON.decode(output) else {
                    return .failure(ProbeError(reason: .workerCrashed, path: path,
                                               message: "\(path): the index worker wrote something that is not a keyframe list"))
                }
                return .success(entries)
            case .noUsableIndex:
                return nil
            case .unreadable:
                return .failure(ProbeError(reason: .notReadable, path: path, message: reason(output) ?? "\(path): cannot be read"))
            case .usage, .limitsRefused, .none:
                let detail = reason(output).map { ": \($0)" } ?? ""
                return .failure(ProbeError(reason: .internal, path: path,
                                           message: "\(path): the index worker exited with status \(code)\(detail)"))
            }
        }
    }

    /// The reason a worker wrote as one JSON string, if that is what it wrote.
    private static func reason(_ output: [UInt8]) -> String? {
        try? JSONDecoder().decode(String.self, from: Data(output))
    }

    /// The keyframes of files without a usable index, from a probe of each in the pool's workers
    /// (a demux-only scan whose timeline holds the keyframe times); a file whose times do not
    /// give back their timestamps exactly is listed again from its packets.
    static func scan(_ paths: [String], pool: ProbeWorkerPool) async -> [Result<[KeyframeEntry], ProbeError>] {
        let records = await pool.runAll(.probe, paths: paths, forceScan: true)
        var results: [Result<[KeyframeEntry], ProbeError>] = []
        var relist: [(offset: Int, streams: [ProbeStream])] = []
        for (offset, (path, result)) in zip(paths, records).enumerated() {
            switch result {
            case .failure(let error):
                results.append(.failure(error))
            case .success(.record(let record)):
                if let entries = ScannedKeyframes.fromTimeline(record) {
                    results.append(.success(entries))
                } else {
                    results.append(.success([]))
                    relist.append((offset, record.streams))
                }
            case .success:
                results.append(.failure(ProbeError(reason: .internal, path: path,
                                                   message: "\(path): a probe worker answered with the wrong kind of result")))
            }
        }
        guard !relist.isEmpty else { return results }
        let listings = await pool.runAll(.packets, paths: relist.map { paths[$0.offset] })
        for ((offset, streams), listing) in zip(relist, listings) {
            switch listing {
            case .failure(let error):
                results[offset] = .failure(error)
            case .success(.packets(let packets)):
                results[offset] = .success(ScannedKeyframes.list(streams: streams, packets: packets))
            case .success:
                results[offset] = .failure(ProbeError(reason: .internal, path: paths[offset],
                                                      message: "\(paths[offset]): a probe worker answered with the wrong kind of result"))
            }
        }
        return results
    }

    /// A duration in nanoseconds, saturating rather than overflowing.
    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let parts = duration.components
        guard parts.seconds >= 0 else { return 0 }
        let (seconds, overflow) = UInt64(parts.seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? UInt64.max / 2 : seconds + UInt64(max(0, parts.attoseconds) / 1_000_000_000)
    }

    /// The file a symbolic link leads to, through every link (`realpath`); the path itself when
    /// that fails (the worker then refuses it and says so).
    static func resolved(_ path: String) -> String {
        guard let absolute = realpath(path, nil) else { return path }
        defer { free(absolute) }
        return String(cString: absolute)
    }

    /// Runs blocking work (spawning, waiting) on a thread that may block, never on the
    /// concurrency pool.
    private static func blocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
