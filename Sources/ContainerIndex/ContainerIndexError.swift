#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a container index could not be read. Each case names the file and the problem.
public enum ContainerIndexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read (`open`, `fstat`, `pread` failed).
    case io(path: String, function: String, errno: Int32)
    /// A box's structure contradicts itself or its parent (sizes, nesting, counts).
    case malformed(path: String, reason: String)
    /// A table promises more entries than this reader will hold, or than the bytes can carry.
    case tooLarge(path: String, reason: String)

    public var description: String {
        switch self {
        case .io(let path, let function, let code):
            "\(function) failed for \(path): \(String(cString: strerror(code)))"
        case .malformed(let path, let reason):
            "malformed iso media file \(path): \(reason)"
        case .tooLarge(let path, let reason):
            "index of \(path) is too large to read: \(reason)"
        }
    }
}
