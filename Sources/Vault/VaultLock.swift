import Glibc

/// An advisory lock on the vault (`flock` on `vault/lock`): registrations hold it shared, and
/// `verify --repair` holds it exclusively, so that repair never removes an object a running
/// registration has placed but not yet recorded. The kernel drops it when the process dies.
public final class VaultLock {
    private let descriptor: Int32

    public enum Mode: Sendable { case shared, exclusive }

    /// Waits for the lock in the given mode.
    public init(vault: Vault, mode: Mode) throws(VaultError) {
        let path = vault.root + "/lock"
        descriptor = try SystemCall.open(Array(path.utf8), O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        let operation = mode == .shared ? LOCK_SH : LOCK_EX
        do {
            try SystemCall.check("flock", path) { flock(descriptor, operation) }
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }
}
