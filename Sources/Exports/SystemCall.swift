#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one funnel through which the export layer makes system calls: it retries on `EINTR`
/// and turns a failed status into `ExportError.system` naming the C function and the path.
enum SystemCall {
    /// Runs `body` until it stops failing with `EINTR`; throws when it returns -1.
    static func run(_ function: String, path: String, _ body: () -> Int32) throws(ExportError) -> Int32 {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw .system(function: function, path: path, code: code)
        }
    }

    /// The same for calls that return a byte count (`read`, `write`).
    static func count(_ function: String, path: String, _ body: () -> Int) throws(ExportError) -> Int {
        while true {
            let result = body()
            if result != -1 { return result }
            let code = errno
            if code == EINTR { continue }
            throw .system(function: function, path: path, code: code)
        }
    }
}
