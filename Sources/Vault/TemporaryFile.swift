import Glibc

/// An exclusively created file in the vault's `tmp/` folder. Whoever holds it either places it
/// (links it into `objects/`) or discards it; a crash leaves it for `verify --repair` to remove.
struct TemporaryFile {
    let path: String
    let descriptor: Int32

    init(in folder: String) throws(VaultError) {
        let name = "\(getpid())-" + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".partial"
        path = folder + "/" + name
        descriptor = try SystemCall.open(Array(path.utf8), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    }

    /// Closes the descriptor and removes the temp name (the object keeps its own link).
    func discard() {
        close(descriptor)
        unlink(path)
    }
}
