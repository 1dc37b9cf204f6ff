#if canImport(Glibc)
import Glibc
#endif

/// A failed system call: the C function and the `errno` it left, turned into text once.
///
/// Every system call in this module goes through `SystemCall.check`, so a failure always names
/// the function that failed and why.
package struct SystemCallFailure: Error, Sendable, Hashable, CustomStringConvertible {
    package var function: String
    package var code: Int32

    package init(function: String, code: Int32) {
        self.function = function
        self.code = code
    }

    package var description: String { "\(function) failed: \(String(cString: strerror(code)))" }
}

package enum SystemCall {
    /// Turns a C status (`-1` and `errno`) into a thrown failure naming `function`; retries on
    /// `EINTR` so that a signal arriving mid-call is never mistaken for an error.
    @discardableResult
    package static func check<Value: BinaryInteger>(_ function: String, _ call: () -> Value) throws(SystemCallFailure) -> Value {
        while true {
            let result = call()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw SystemCallFailure(function: function, code: code)
        }
    }

    /// `clock_gettime(CLOCK_MONOTONIC)` in nanoseconds: a deadline must not move with the wall clock.
    package static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
