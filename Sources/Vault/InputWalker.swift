import FootageModel
import Glibc

/// One thing found among the paths given for registration.
public enum InputItem: Sendable, Hashable {
    /// A regular file to register, with its size when it was found.
    case file(path: [UInt8], size: Int64)
    /// Not a regular file (symlink, FIFO, device, socket): reported and never opened.
    case skipped(path: [UInt8], kind: FileKind)
    /// Could not be looked at (missing, unreadable folder).
    case failed(path: [UInt8], error: VaultError)

    public var path: [UInt8] {
        switch self {
        case let .file(path, _), let .skipped(path, _), let .failed(path, _): path
        }
    }
}

/// Expands registration arguments: folders are walked recursively (entries in byte order),
/// symlinks are never followed, and nothing but `lstat` and `opendir` touches an entry.
public enum InputWalker {
    public static func expand(_ paths: [[UInt8]]) -> [InputItem] {
        var items: [InputItem] = []
        for path in paths { walk(path, into: &items) }
        return items
    }

    private static func walk(_ path: [UInt8], into items: inout [InputItem]) {
        let status: FileStatus
        do { status = try SystemCall.lstatus(path) } catch {
            items.append(.failed(path: path, error: error))
            return
        }
        switch status.kind {
        case .regular:
            items.append(.file(path: path, size: status.size))
        case .directory:
            let names: [[UInt8]]
            do { names = try DirectoryReader.names(in: path) } catch {
                items.append(.failed(path: path, error: error))
                return
            }
            var base = path
            if base.last != UInt8(ascii: "/") { base.append(UInt8(ascii: "/")) }
            for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                walk(base + name, into: &items)
            }
        default:
            items.append(.skipped(path: path, kind: status.kind))
        }
    }
}
