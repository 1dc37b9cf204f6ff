#if canImport(Glibc)
import Glibc
#endif

/// A worker process forked at launch and not yet owned by a pool: its id and the parent's end of
/// its socket. Plain numbers, so that it can be handed from the launch code to the command.
public struct LaunchedWorker: Sendable, Hashable {
    public let pid: Int32
    public let socket: Int32
}

/// Probe workers forked at the very start of `main`, while the process still runs one thread:
/// the only moment a fork without exec is sound, and the moment FFmpeg is already loaded, so a
/// worker costs a fork instead of a program start (which is mostly dynamic linking of FFmpeg's
/// ~130 libraries). The command's pool then adopts them with `take()`.
///
/// A worker nobody takes ends by itself when this process exits: its input closes.
public actor PrelaunchedWorkers {
    public static let shared = PrelaunchedWorkers()

    private var held: [LaunchedWorker] = []

    /// Forks up to `count` workers with the default configuration (what `footage probe` uses),
    /// one after another, and returns them. Forks nothing when this process already runs more
    /// than one thread, or when a fork fails; the pool then starts the worker executable.
    /// Synchronous on purpose: it must run before the first `await`.
    public nonisolated static func fork(count: Int, configuration: WorkerConfiguration = .init()) -> [LaunchedWorker] {
        var launched: [LaunchedWorker] = []
        while launched.count < count, let worker = try? WorkerProcess.fork(configuration: configuration) {
            launched.append(worker)
        }
        return launched
    }

    /// Keeps forked workers until the command takes them.
    public func keep(_ workers: [LaunchedWorker]) {
        held += workers
    }

    /// The workers kept so far, now owned by the caller.
    public func take() -> [LaunchedWorker] {
        defer { held.removeAll() }
        return held
    }
}
