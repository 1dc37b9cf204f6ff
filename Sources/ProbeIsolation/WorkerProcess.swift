#if canImport(Glibc)
import Glibc
#endif

/// One running worker process and the parent's end of the socket it talks over.
///
/// The owner of both the pid and the descriptor: `terminate` (or, failing that, `deinit`) kills
/// and reaps the process and closes the socket, so that no zombie and no descriptor outlives it.
/// Not Sendable: the pool keeps it, and hands only the plain numbers to a blocking exchange.
final class WorkerProcess {
    let pid: pid_t
    let socket: Int32
    private(set) var exit: WorkerExit?
    /// Requests served so far, for retiring long-lived workers.
    var requestsServed = 0

    private init(pid: pid_t, socket: Int32) {
        self.pid = pid
        self.socket = socket
    }

    deinit {
        if exit == nil { kill(pid, SIGKILL); _ = Self.reapBlocking(pid) }
        close(socket)
    }

    /// Starts `executable arguments…` with a Unix socket as its stdin and stdout, stderr sent to
    /// `/dev/null`, every other descriptor closed and all signals at their defaults
    /// (`socketpair`, `posix_spawn`).
    static func spawn(executable: String, arguments: [String],
                      environment: [String: String]) throws(SystemCallFailure) -> WorkerProcess {
        var ends: [Int32] = [-1, -1]
        try SystemCall.check("socketpair") {
            socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends)
        }
        let parentEnd = ends[0]
        let childEnd = ends[1]
        defer { close(childEnd) }

        let pid: pid_t
        do {
            pid = try WorkerSpawn.start(executable: executable, arguments: arguments,
                                        environment: environment.map { "\($0.key)=\($0.value)" },
                                        input: childEnd, output: childEnd)
        } catch {
            close(parentEnd)
            throw error
        }
        return WorkerProcess(pid: pid, socket: parentEnd)
    }

    /// Records how the process ended once it has been reaped elsewhere.
    func markReaped(_ exit: WorkerExit) { self.exit = exit }

    /// Asks a healthy worker to finish (by closing its input) and reaps it; kills it if it has
    /// not gone within a second.
    func retire() {
        guard exit == nil else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        exit = Self.reap(pid, within: 1_000) ?? {
            kill(pid, SIGKILL)
            return Self.reapBlocking(pid)
        }()
    }

    /// Kills the worker with SIGKILL and reaps it.
    func killAndReap() {
        guard exit == nil else { return }
        kill(pid, SIGKILL)
        exit = Self.reapBlocking(pid)
    }

    /// Waits up to `milliseconds` for the process to end (`waitpid` with `WNOHANG`, polled).
    static func reap(_ pid: pid_t, within milliseconds: Int) -> WorkerExit? {
        var status: Int32 = 0
        for _ in 0...max(0, milliseconds / 5) {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return WorkerExit(waitStatus: status) }
            if result == -1 && errno != EINTR { return .signalled(signal: SIGKILL) }
            usleep(5_000)
        }
        return nil
    }

    /// Waits for the process to end (`waitpid`); used only after SIGKILL, which cannot be ignored.
    static func reapBlocking(_ pid: pid_t) -> WorkerExit {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, 0)
            if result == pid { return WorkerExit(waitStatus: status) }
            if result == -1 && errno != EINTR { return .signalled(signal: SIGKILL) }
        }
    }
}
