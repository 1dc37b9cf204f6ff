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
            if reaped == pid { return .ended(WorkerExit(waitStatus: status), output: output) }
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
        // Swift's crash backtracer off: a worker hit by a fatal signal dies at once with it.
        try WorkerSpawn.start(executable: executable, arguments: [path],
                              environment: ["SWIFT_BACKTRACE=enable=no", "LC_ALL=C"], input: nil, output: stdout)
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
