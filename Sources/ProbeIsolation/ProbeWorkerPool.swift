#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
public import FootageModel

/// Probes files in worker processes, at most one request per worker at a time and at most
/// `maximumWorkers` workers, started lazily.
///
/// Each request has a wall-clock deadline: when it passes, the worker is killed with SIGKILL and
/// the request fails with `timedOut`. A worker that dies mid-request (a signal, an exit, a reply
/// that is not one JSON line) is reaped and the request fails with `workerCrashed`; the next
/// request starts a fresh worker. The pool owns every worker: `shutdown()` (or releasing the pool)
/// ends and reaps them all.
public actor ProbeWorkerPool {
    public struct Configuration: Sendable {
        /// The worker executable, run as `footage-probe-worker --configuration JSON`.
        public var executablePath: String
        public var maximumWorkers: Int
        public var deadline: ProbeDeadline
        public var worker: WorkerConfiguration
        /// A reply longer than this is treated as a broken worker, so that a worker cannot make
        /// the parent allocate without bound.
        public var maximumReplyBytes: Int
        /// A worker is replaced after this many requests, bounding what one process accumulates.
        public var requestsPerWorker: Int

        public init(executablePath: String = ProbeWorkerPool.bundledWorker,
                    maximumWorkers: Int = ProbeWorkerPool.coreCount,
                    deadline: ProbeDeadline = .init(),
                    worker: WorkerConfiguration = .init(),
                    maximumReplyBytes: Int = 1 << 30,
                    requestsPerWorker: Int = 10_000) {
            self.executablePath = executablePath
            self.maximumWorkers = max(1, maximumWorkers)
            self.deadline = deadline
            self.worker = worker
            self.maximumReplyBytes = maximumReplyBytes
            self.requestsPerWorker = max(1, requestsPerWorker)
        }
    }

    /// The name of the worker executable, installed in the same folder as `footage`.
    public static let workerExecutableName = "footage-probe-worker"

    /// The worker beside the running executable (`/proc/self/exe` resolved once, so that it stays
    /// valid if the file is replaced while we run). A separate, small executable rather than
    /// `footage` itself: a worker then loads FFmpeg's libraries and nothing else of ours, and
    /// starts in about half the time.
    public static let bundledWorker: String = {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "/proc/self/exe"
        let folder = running.lastIndex(of: "/").map { String(running[..<$0]) } ?? "."
        return folder + "/" + workerExecutableName
    }()

    /// Cores this process may use: the default number of workers.
    public static let coreCount = ProcessInfo.processInfo.activeProcessorCount

    /// The worker's environment: ours, with Swift's crash backtracer off, so that a worker hit by
    /// a fatal signal dies at once with that signal instead of pausing to symbolicate.
    static var workerEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        return environment
    }

    public let configuration: Configuration
    private var idle: [WorkerProcess] = []
    private var busy: [Int: pid_t] = [:]
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var nextRequestID = 0
    private let encodedConfiguration: String

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        let encoded = (try? JSONEncoder().encode(configuration.worker)) ?? Data("{}".utf8)
        encodedConfiguration = String(decoding: encoded, as: UTF8.self)
    }

    // MARK: - Requests

    public func probe(_ path: String, forceScan: Bool = false) async -> Result<ProbeRecord, ProbeError> {
        await run(.probe, path: path, forceScan: forceScan).flatMap { output in
            if case .record(let record) = output { return .success(record) }
            return .failure(Self.wrongKind(path))
        }
    }

    public func packets(_ path: String) async -> Result<[PacketListingEntry], ProbeError> {
        await run(.packets, path: path, forceScan: false).flatMap { output in
            if case .packets(let packets) = output { return .success(packets) }
            return .failure(Self.wrongKind(path))
        }
    }

    public func frames(_ path: String) async -> Result<[FrameListingEntry], ProbeError> {
        await run(.frames, path: path, forceScan: false).flatMap { output in
            if case .frames(let frames) = output { return .success(frames) }
            return .failure(Self.wrongKind(path))
        }
    }

    /// Probes every path, as many at once as there are workers, and returns the results in the
    /// order of `paths`.
    public func probeAll(_ paths: [String], forceScan: Bool = false) async -> [Result<ProbeRecord, ProbeError>] {
        await zip(paths, runAll(.probe, paths: paths, forceScan: forceScan)).map { path, result in
            result.flatMap { output in
                if case .record(let record) = output { return .success(record) }
                return .failure(Self.wrongKind(path))
            }
        }
    }

    /// Runs `kind` on every path, as many at once as there are workers, results in input order.
    public func runAll(_ kind: ProbeRequestKind, paths: [String], forceScan: Bool = false) async -> [Result<ProbeOutput, ProbeError>] {
        await inOrder(paths) { pool, path in await pool.run(kind, path: path, forceScan: forceScan) }
    }

    /// Like `runAll`, with each result as the JSON the worker wrote (checked, not decoded): the
    /// cheapest way to print many results.
    public func runAllRaw(_ kind: ProbeRequestKind, paths: [String], forceScan: Bool = false) async -> [Result<RawProbeOutput, ProbeError>] {
        await inOrder(paths) { pool, path in await pool.runRaw(kind, path: path, forceScan: forceScan) }
    }

    private func inOrder<Value: Sendable>(_ paths: [String],
                                          _ work: @escaping @Sendable (ProbeWorkerPool, String) async -> Result<Value, ProbeError>)
        async -> [Result<Value, ProbeError>] {
        await withTaskGroup(of: (Int, Result<Value, ProbeError>).self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask { (index, await work(self, path)) }
            }
            var results = [Result<Value, ProbeError>?](repeating: nil, count: paths.count)
            for await (index, result) in group { results[index] = result }
            return results.enumerated().map { index, result in
                result ?? .failure(ProbeError(reason: .internal, path: paths[index], message: "\(paths[index]): no result was produced"))
            }
        }
    }

    /// Runs one request and decodes the worker's JSON into values.
    public func run(_ kind: ProbeRequestKind, path: String, forceScan: Bool = false) async -> Result<ProbeOutput, ProbeError> {
        await runRaw(kind, path: path, forceScan: forceScan).flatMap { raw in
            do {
                return .success(try raw.decoded())
            } catch {
                return .failure(ProbeError(reason: .internal, path: path,
                                           message: "\(path): the probe worker's \(kind.rawValue) result could not be decoded: \(error)"))
            }
        }
    }

    /// Runs one request in a worker: checks the path here first (nothing is opened), then sends
    /// it to a worker with a deadline from the file's size. The result is the worker's JSON,
    /// checked to be well-formed but not decoded.
    public func runRaw(_ kind: ProbeRequestKind, path: String, forceScan: Bool = false) async -> Result<RawProbeOutput, ProbeError> {
        let checked: CheckedPath
        switch PathPrecheck.check(path) {
        case .failure(let error): return .failure(error)
        case .success(let value): checked = value
        }
        let worker: WorkerProcess
        do {
            worker = try await acquireWorker()
        } catch {
            return .failure(ProbeError(reason: .internal, path: path, message: "\(path): could not start a probe worker: \(error)"))
        }
        nextRequestID += 1
        let id = nextRequestID
        let request = WorkerRequest(id: id, kind: kind, path: path, forceScan: forceScan)
        guard var line = try? JSONEncoder().encode(request) else {
            releaseWorker(worker, healthy: true)
            return .failure(ProbeError(reason: .internal, path: path, message: "\(path): could not encode the worker request"))
        }
        line.append(UInt8(ascii: "\n"))
        let allowance = configuration.deadline.nanoseconds(for: kind, byteCount: checked.byteCount)
        let deadline = SystemCall.monotonicNanoseconds() &+ allowance
        let socket = worker.socket
        let limit = configuration.maximumReplyBytes
        let bytes = [UInt8](line)

        busy[id] = worker.pid
        let outcome = await Self.blocking {
            WorkerExchange.run(socket: socket, request: bytes, deadline: deadline, maximumReplyBytes: limit)
        }
        busy[id] = nil
        worker.requestsServed += 1
        return finish(outcome, worker: worker, id: id, kind: kind, path: path, allowance: allowance)
    }

    /// Process ids of the workers busy with a request right now (for tests that end one).
    package var busyWorkerIDs: [Int32] { Array(busy.values) }

    /// Process ids of all live workers.
    package var workerIDs: [Int32] { idle.map(\.pid) + busy.values }

    /// The parent's socket descriptors of the idle workers (for tests that see them closed).
    package var idleWorkerSockets: [Int32] { idle.map(\.socket) }

    /// Ends every idle worker and waits for them; workers busy with a request are ended when it
    /// finishes. The pool can still be used afterwards: it starts new workers as needed.
    public func shutdown() {
        let leaving = idle
        idle.removeAll()
        running -= leaving.count
        for worker in leaving { worker.retire() }
    }

    // MARK: - Outcomes

    private func finish(_ outcome: WorkerExchange.Outcome, worker: WorkerProcess, id: Int,
                        kind: ProbeRequestKind, path: String, allowance: UInt64) -> Result<RawProbeOutput, ProbeError> {
        switch outcome {
        case .reply(let bytes):
            guard let reply = WorkerReply.parse(bytes), reply.id == id,
                  reply.key == "error" || reply.key == WorkerReply.keys[kind] else {
                worker.killAndReap()
                releaseWorker(worker, healthy: false)
                return .failure(ProbeError(reason: .workerCrashed, path: path,
                                           message: "\(path): the probe worker sent a reply that is not a valid answer to the request"))
            }
            if reply.retiring {
                worker.retire()
                releaseWorker(worker, healthy: false)
            } else {
                releaseWorker(worker, healthy: worker.requestsServed < configuration.requestsPerWorker)
            }
            let payload = Array(bytes[reply.payload])
            guard reply.key == "error" else { return .success(RawProbeOutput(kind: kind, json: payload)) }
            guard let error = try? JSONDecoder().decode(ProbeError.self, from: Data(payload)) else {
                return .failure(ProbeError(reason: .workerCrashed, path: path,
                                           message: "\(path): the probe worker sent an error that could not be read"))
            }
            return .failure(error)
        case .timedOut:
            worker.killAndReap()
            releaseWorker(worker, healthy: false)
            let seconds = Double(allowance) / 1e9
            return .failure(ProbeError(reason: .timedOut, path: path,
                                           message: "\(path): the probe worker did not answer within \(Self.format(seconds)) s and was killed"))
        case .closed:
            let exit = WorkerProcess.reap(worker.pid, within: 1_000)
            if let exit { worker.markReaped(exit) } else { worker.killAndReap() }
            releaseWorker(worker, healthy: false)
            let how = exit.map(\.description) ?? "closed its channel"
            return .failure(ProbeError(reason: .workerCrashed, path: path, message: "\(path): the probe worker \(how)"))
        case .malformed(let problem):
            worker.killAndReap()
            releaseWorker(worker, healthy: false)
            return .failure(ProbeError(reason: .workerCrashed, path: path, message: "\(path): \(problem)"))
        case .failed(let failure):
            worker.killAndReap()
            releaseWorker(worker, healthy: false)
            return .failure(ProbeError(reason: .internal, path: path, message: "\(path): \(failure.description)"))
        }
    }

    private static func wrongKind(_ path: String) -> ProbeError {
        ProbeError(reason: .internal, path: path, message: "\(path): the worker answered with the wrong kind of result")
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }

    // MARK: - Workers

    private func acquireWorker() async throws(SystemCallFailure) -> WorkerProcess {
        while true {
            if let worker = idle.popLast() { return worker }
            if running < configuration.maximumWorkers {
                running += 1
                do {
                    return try WorkerProcess.spawn(
                        executable: configuration.executablePath,
                        arguments: ["--configuration", encodedConfiguration],
                        environment: Self.workerEnvironment)
                } catch {
                    running -= 1
                    wakeOneWaiter()
                    throw error
                }
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// Returns a worker to the pool, or lets it go (already reaped or about to be) when it is not
    /// healthy; a waiting request then starts a replacement.
    private func releaseWorker(_ worker: WorkerProcess, healthy: Bool) {
        if healthy {
            idle.append(worker)
        } else {
            worker.retire()
            running -= 1
        }
        wakeOneWaiter()
    }

    private func wakeOneWaiter() {
        guard !waiting.isEmpty else { return }
        waiting.removeFirst().resume()
    }

    /// Runs blocking work on a Dispatch thread, keeping it off the Swift concurrency pool.
    private static func blocking<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
