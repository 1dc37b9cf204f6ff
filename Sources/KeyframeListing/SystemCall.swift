#if canImport(Glibc)
import Glibc
#endif

/// A failed system call: the C function and the `errno` it left.
struct SystemCallFailure: Error, Sendable, Hashable, CustomStringConvertible {
    var function: String
    var code: Int32

    var description: String { "\(function) failed: \(String(cString: strerror(code)))" }
}

/// The one place this module turns a C status into a typed failure.
enum SystemCall {
    /// Runs `call` until it does not fail with `EINTR`; `-1` becomes a failure naming `function`.
    @discardableResult
    static func check<Value: BinaryInteger>(_ function: String, _ call: () -> Value) throws(SystemCallFailure) -> Value {
        while true {
            let result = call()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw SystemCallFailure(function: function, code: code)
        }
    }

    /// `clock_gettime(CLOCK_MONOTONIC)` in nanoseconds: a deadline must not move with the wall clock.
    static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
