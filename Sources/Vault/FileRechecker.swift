public import FootageModel
import Glibc

/// Re-hashes stored files one after another, for `verify`: one read buffer serves every file,
/// and a vault object costs one short path walk (opened relative to the objects folder, its
/// kind and size taken from the open descriptor) and one read when it is smaller than the
/// buffer. Anything unexpected before the read (a missing or odd entry) is handed to
/// `Vault.checkFile`, which looks again step by step and words the finding as it always has.
/// Not Sendable: each worker makes its own.
public final class FileRechecker {
    private let vault: Vault
    /// The objects folder, or -1 when it could not be opened (every object then takes the
    /// step-by-step path, which reports why).
    private let objectsFolder: Int32
    private let buffer = ReadBuffer(byteCount: 65_536)

    public init(vault: Vault) {
        self.vault = vault
        objectsFolder = Glibc.open(vault.objectsPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if objectsFolder >= 0 { close(objectsFolder) }
    }

    /// Re-hashes the vault object recorded for `digest`.
    public func checkObject(_ digest: SHA256Digest, progress: (@Sendable (Int64) -> Void)? = nil) -> ObjectCheck {
        let descriptor = objectsFolder >= 0 ? openObject(digest) : -1
        guard descriptor >= 0 else { return lookAgain(digest, progress: progress) }
        defer { close(descriptor) }
        // O_NOFOLLOW has ruled out a symlink; the descriptor says what else the entry is.
        var info = stat()
        guard fstat(descriptor, &info) == 0, FileKind(mode: info.st_mode) == .regular else {
            return lookAgain(digest, progress: progress)
        }
        return Vault.hash(descriptor, size: Int64(info.st_size), shown: SystemCall.display(Array(self.vault.objectPath(for: digest).utf8)),
                          expected: digest, buffer: buffer, progress: progress)
    }

    /// Re-hashes a file given by its full path (an in-place clip), step by step as
    /// `Vault.checkFile` does, with this rechecker's buffer.
    public func checkFile(_ path: [UInt8], expected: SHA256Digest, progress: (@Sendable (Int64) -> Void)? = nil) -> ObjectCheck {
        Vault.checkFile(path, expected: expected, buffer: buffer, progress: progress)
    }

    /// Opens `objects/ab/cdef…` for reading; -1 if that fails for any reason. The relative
    /// path (`ab/cdef…` and a NUL) is built on the stack.
    private func openObject(_ digest: SHA256Digest) -> Int32 {
        let folder = objectsFolder
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 66) { name in
            guard let base = name.baseAddress else { return -1 }
            var index = 0
            for byte in digest.hex.utf8.prefix(64) {
                if index == 2 {
                    name[index] = CChar(bitPattern: UInt8(ascii: "/"))
                    index += 1
                }
                name[index] = CChar(bitPattern: byte)
                index += 1
            }
            name[index] = 0
            while true {
                let descriptor = openat(folder, base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
                if descriptor >= 0 || errno != EINTR { return descriptor }
            }
        }
    }

    /// The step-by-step check of an object that could not simply be opened and read.
    private func lookAgain(_ digest: SHA256Digest, progress: (@Sendable (Int64) -> Void)?) -> ObjectCheck {
        Vault.checkFile(Array(vault.objectPath(for: digest).utf8), expected: digest, progress: progress)
    }
}

@available(*, unavailable)
extension FileRechecker: Sendable {}
