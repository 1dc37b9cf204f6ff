import Glibc

/// Everything that can go wrong in the vault layer, each naming the file and the problem.
public enum VaultError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A system call failed; `call` names the C function, `code` is its `errno`.
    case system(call: String, path: String, code: Int32)
    /// The source file changed while it was being read (size, modification time or inode).
    case sourceChanged(path: String, what: String)
    /// The path is not a regular file (a symlink, FIFO, device, socket or folder).
    case notRegularFile(path: String, kind: FileKind)
    /// An object already in the vault does not hash to its name.
    case objectMismatch(path: String, expected: String, actual: String)
    /// The vault folders are not where they should be.
    case missingVault(path: String)

    public var description: String {
        switch self {
        case let .system(call, path, code):
            return "\(call) failed for \(path): \(Self.errorText(code))"
        case let .sourceChanged(path, what):
            return "\(path) changed while it was being read (\(what)); nothing was recorded, register it again once it is complete"
        case let .notRegularFile(path, kind):
            return "\(path) is \(kind.withArticle), not a regular file; skipped"
        case let .objectMismatch(path, expected, actual):
            return "vault object \(path) should hash to \(expected) but hashes to \(actual); run footage verify"
        case let .missingVault(path):
            return "no vault at \(path); run footage init"
        }
    }

    /// The `errno` of a failed system call, if that is what this error is.
    public var errorCode: Int32? {
        if case let .system(_, _, code) = self { return code }
        return nil
    }

    /// Whether the input was missing or could not be opened (as opposed to bad data or an I/O failure).
    public var isMissingInput: Bool {
        guard let code = errorCode else { return false }
        return code == ENOENT || code == ENOTDIR || code == EACCES || code == EPERM || code == ELOOP
    }

    /// Whether the failure was the operating system failing to read or write (disk full, I/O error).
    public var isInputOutput: Bool {
        errorCode != nil && !isMissingInput
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
