package import FootageModel
import Foundation

/// Checks a path before libav sees it: a FIFO or device would block or misbehave when opened,
/// and a missing or empty file deserves its own error.
package enum PathCheck {
    /// The file's size in bytes when it is a readable, non-empty regular file.
    package static func regularFileSize(_ path: String) throws(ProbeError) -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let number = errno
            let text = String(cString: strerror(number))
            switch number {
            case ENOENT, ENOTDIR:
                throw ProbeError(reason: .missingFile, path: path, message: "no such file: \(path) (\(text))")
            default:
                throw ProbeError(reason: .notReadable, path: path, message: "cannot read \(path): \(text)")
            }
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let kind = switch info.st_mode & S_IFMT {
            case S_IFDIR: "a directory"
            case S_IFIFO: "a fifo"
            case S_IFCHR, S_IFBLK: "a device"
            case S_IFSOCK: "a socket"
            default: "not a regular file"
            }
            throw ProbeError(reason: .notAFile, path: path, message: "not a regular file: \(path) is \(kind)")
        }
        guard access(path, R_OK) == 0 else {
            throw ProbeError(reason: .notReadable, path: path, message: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_size > 0 else {
            throw ProbeError(reason: .emptyFile, path: path, message: "empty file: \(path) has 0 bytes")
        }
        return Int64(info.st_size)
    }

    /// Whether the file starts like an ISO BMFF file (an `ftyp` box): such a file that libavformat
    /// cannot open is most likely cut short before its `moov` index.
    static func looksLikeISOBMFF(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 8), head.count == 8 else { return false }
        return Array(head[4..<8]) == Array("ftyp".utf8)
    }
}
