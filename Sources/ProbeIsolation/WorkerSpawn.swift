#if canImport(Glibc)
import Glibc
#endif

/// Starting a worker executable (`posix_spawn`) the one way every worker is started: its stdin
/// and stdout on the descriptors given (stdin on `/dev/null` when none is), stderr on `/dev/null`,
/// no other descriptor of ours inherited, every signal at its default and none blocked.
package enum WorkerSpawn {
    package static func start(executable: String, arguments: [String], environment: [String],
                              input: Int32?, output: Int32) throws(SystemCallFailure) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for descriptor in inheritableDescriptors() where descriptor != output && descriptor != input {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        var noSignal = sigset_t()
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        guard status == 0 else { throw SystemCallFailure(function: "posix_spawn of \(executable)", code: status) }
        return pid
    }

    /// Descriptors above stderr that a child would inherit (no `FD_CLOEXEC`), from
    /// `/proc/self/fd` and `fcntl(F_GETFD)`: a worker gets none of the parent's files.
    static func inheritableDescriptors() -> [Int32] {
        guard let folder = opendir("/proc/self/fd") else { return [] }
        defer { closedir(folder) }
        let own = dirfd(folder)
        var found: [Int32] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let descriptor = Int32(name), descriptor > 2, descriptor != own else { continue }
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { found.append(descriptor) }
        }
        return found
    }
}

/// A NULL-terminated array of C strings for `posix_spawn`, freed with the value.
private final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count + 1
        pointers = .allocate(capacity: count)
        for (offset, string) in strings.enumerated() { (pointers + offset).initialize(to: strdup(string)) }
        (pointers + strings.count).initialize(to: nil)
    }

    deinit {
        for offset in 0..<count { free(pointers[offset]) }
        pointers.deinitialize(count: count)
        pointers.deallocate()
    }
}
