#if canImport(Glibc)
import Glibc
#endif
import ProbeIsolation

/// One run of `footage-index-worker FILE`: started with `posix_spawn`, its stdout read through a
/// pipe until it closes, killed if it outlives its deadline or writes more than it may, and
/// always reaped.
struct IndexWorkerRun {
    enum Outcome: Sendable {
        /// The worker ended by itself; everything it wrote on stdout.
        case ended(WorkerExit, output: [UInt8])
        /// The deadline passed; the worker was killed.
        case timedOut
        /// The worker wrote more than `maximumOutputBytes`; it was killed.
        case tooMuchOutput
    }

    var executable: String
    /// Wall-clock time allowed, in nanoseconds.
    var allowance: UInt64
    var maximumOutputBytes: Int

    /// Runs the worker on `path` and waits for it.
    func run(path: String) throws(SystemCallFailure) -> Outcome {
        var ends: [Int32] = [-1, -1]
        try SystemCall.check("pipe") { pipe(&ends) }
        let readEnd = ends[0]
        let writeEnd = ends[1]
        defer { close(readEnd) }
        // Neither end may leak into another child; the worker gets its duplicate as stdout.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }

        let pid: pid_t
        do {
            pid = try spawn(path: path, stdout: writeEnd)
        } catch {
            close(writeEnd)
            throw error
        }
        close(writeEnd)

        let deadline = SystemCall.monotonicNanoseconds() &+ allowance
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let now = SystemCall.monotonicNanoseconds()
            guard now < deadline else { return .timedOut(killing: pid) }
            let wait = Int32(min((deadline - now) / 1_000_000 + 1, UInt64(Int32.max)))
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready: Int32
            do {
                ready = try SystemCall.check("poll") { poll(&descriptor, 1, wait) }
            } catch {
                Self.killAndReap(pid)
                throw error
            }
            if ready == 0 { continue }
            let count: Int
            do {
                count = try SystemCall.check("read") { chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) } }
            } catch {
                Self.killAndReap(pid)
                throw error
            }
            if count == 0 { break }
            output.append(contentsOf: chunk[0..<count])
            if output.count > maximumOutputBytes {
                Self.killAndReap(pid)
                return .tooMuchOutput
            }
        }
        // Stdout is closed: the worker has ended or is about to; the deadline still holds.
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return .ended(Self.exit(fromWaitStatus: status), output: output) }
            if reaped == -1 && errno != EINTR {
                throw SystemCallFailure(function: "waitpid", code: errno)
            }
            if SystemCall.monotonicNanoseconds() >= deadline { return .timedOut(killing: pid) }
            usleep(1_000)
        }
    }

    /// `posix_spawn` with stdin and stderr on `/dev/null`, stdout on the pipe, every signal at its
    /// default and none blocked. The pipe's ends are close-on-exec, so the child keeps only its
    /// duplicate.
    private func spawn(path: String, stdout: Int32) throws(SystemCallFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for descriptor in Self.inheritableDescriptors() where descriptor != stdout {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        var noSignal = sigset_t()
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        // Swift's crash backtracer off: a worker hit by a fatal signal dies at once with it.
        let arguments = [executable, path]
        let environment = ["SWIFT_BACKTRACE=enable=no", "LC_ALL=C"]
        var pid: pid_t = 0
        let status = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
        }
        guard status == 0 else { throw SystemCallFailure(function: "posix_spawn of \(executable)", code: status) }
        return pid
    }

    /// Descriptors above stderr that a child would inherit (no `FD_CLOEXEC`), from
    /// `/proc/self/fd`: the worker gets none of the parent's files.
    static func inheritableDescriptors() -> [Int32] {
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

    /// A `waitpid` status as exit code or signal (the C macros cannot be imported into Swift).
    static func exit(fromWaitStatus status: Int32) -> WorkerExit {
        let signal = status & 0x7F
        return signal == 0 ? .exited(code: (status >> 8) & 0xFF) : .signalled(signal: signal)
    }

    static func killAndReap(_ pid: pid_t) {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
}

extension IndexWorkerRun.Outcome {
    /// Kills and reaps a worker whose deadline passed.
    static func timedOut(killing pid: pid_t) -> Self {
        IndexWorkerRun.killAndReap(pid)
        return .timedOut
    }
}

/// Calls `body` with a NULL-terminated array of C strings that lives only for the call.
private func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result) -> Result {
    let pointers = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
    for (offset, string) in strings.enumerated() { (pointers + offset).initialize(to: strdup(string)) }
    (pointers + strings.count).initialize(to: nil)
    defer {
        for offset in 0...strings.count { free(pointers[offset]) }
        pointers.deinitialize(count: strings.count + 1)
        pointers.deallocate()
    }
    return body(pointers)
}
