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

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childEnd, 0)
        posix_spawn_file_actions_adddup2(&actions, childEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for descriptor in inheritableDescriptors() where descriptor != childEnd {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" })
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        guard status == 0 else {
            close(parentEnd)
            throw SystemCallFailure(function: "posix_spawn of \(executable)", code: status)
        }
        return WorkerProcess(pid: pid, socket: parentEnd)
    }

    /// Descriptors above stderr that a child would inherit (no `FD_CLOEXEC`), from
    /// `/proc/self/fd` and `fcntl(F_GETFD)`: a worker gets none of the parent's files.
    private static func inheritableDescriptors() -> [Int32] {
        guard let folder = opendir("/proc/self/fd") else { return [] }
        defer { closedir(folder) }
        let own = dirfd(folder)
        var found: [Int32] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let descriptor = Int32(name), descriptor > 2, descriptor != own else { continue }
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { found.append(descriptor) }
        }
        return found
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

/// A NULL-terminated array of C strings for `posix_spawn`, freed with the value.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count + 1
        pointers = .allocate(capacity: count)
        for (offset, string) in strings.enumerated() { (pointers + offset).initialize(to: strdup(string)) }
        (pointers + strings.count).initialize(to: nil)
    }

    deinit {
        for offset in 0..<count { free(pointers[offset]) }
        pointers.deinitialize(count: count)
        pointers.deallocate()
    }
}
