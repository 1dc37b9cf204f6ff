#if canImport(Glibc)
import Glibc
#endif
public import FootageModel

/// What the parent learnt about a path before any worker sees it.
public struct CheckedPath: Sendable, Hashable {
    public var path: String
    /// Where the path points when it is a symbolic link (as written in the link).
    public var symlinkTarget: String?
    public var byteCount: Int64
}

/// Checks a path with `lstat`, `stat` and `access` only: nothing is opened, so a FIFO or a device
/// can never block the caller, and what is not a readable, non-empty regular file is refused at
/// once with the reason the user sees.
///
/// Exit codes follow from the reasons (see `footage probe --help`): missing, dangling or
/// unreachable paths are `missingFile`/`notReadable`; folders, FIFOs, devices and sockets are
/// `notAFile`; a zero-byte file is `emptyFile`.
public enum PathPrecheck {
    public static func check(_ path: String) -> Result<CheckedPath, ProbeError> {
        var info = stat()
        if lstat(path, &info) != 0 {
            return .failure(statFailure(path: path, code: errno, symlinkTarget: nil))
        }
        var symlinkTarget: String?
        if info.st_mode & S_IFMT == S_IFLNK {
            let target = readLink(path)
            symlinkTarget = target
            if stat(path, &info) != 0 {
                return .failure(statFailure(path: path, code: errno, symlinkTarget: target))
            }
        }
        if let refusal = refusal(forType: info.st_mode & S_IFMT) {
            return .failure(ProbeError(reason: .notAFile, path: path, message: "\(path): \(refusal)"))
        }
        if info.st_size == 0 {
            return .failure(ProbeError(reason: .emptyFile, path: path, message: "\(path): the file is empty (0 bytes)"))
        }
        if access(path, R_OK) != 0 {
            return .failure(ProbeError(reason: .notReadable, path: path,
                                       message: "\(path): cannot be read (\(String(cString: strerror(errno))))"))
        }
        return .success(CheckedPath(path: path, symlinkTarget: symlinkTarget, byteCount: Int64(info.st_size)))
    }

    private static func refusal(forType type: mode_t) -> String? {
        switch type {
        case S_IFREG: nil
        case S_IFDIR: "is a folder, not a media file"
        case S_IFIFO: "is a named pipe (FIFO); refused without opening it"
        case S_IFCHR, S_IFBLK: "is a device, not a media file; refused without opening it"
        case S_IFSOCK: "is a socket, not a media file"
        default: "is not a regular file"
        }
    }

    private static func statFailure(path: String, code: Int32, symlinkTarget: String?) -> ProbeError {
        let text = String(cString: strerror(code))
        switch code {
        case ENOENT where symlinkTarget != nil:
            return ProbeError(reason: .missingFile, path: path,
                              message: "\(path): dangling symlink to \(symlinkTarget ?? "")")
        case ENOENT:
            return ProbeError(reason: .missingFile, path: path, message: "\(path): no such file")
        case ENOTDIR:
            return ProbeError(reason: .notReadable, path: path,
                              message: "\(path): a component of the path is a file, not a folder")
        case ELOOP:
            return ProbeError(reason: .notReadable, path: path, message: "\(path): too many levels of symbolic links")
        default:
            return ProbeError(reason: .notReadable, path: path, message: "\(path): cannot be examined (\(text))")
        }
    }

    /// The target of a symbolic link as written in it (`readlink`), or the empty string.
    private static func readLink(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length > 0 else { return "" }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
