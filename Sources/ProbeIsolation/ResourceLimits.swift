#if canImport(Glibc)
import Glibc
#endif

/// The limits a probe worker puts on itself before it reads any media, with `setrlimit`.
///
/// Lowering a limit is always allowed and never undone by the worker: the memory ceiling bounds
/// what a hostile file can make a decoder allocate, the CPU ceiling bounds a decoder stuck in a
/// loop even when the parent's deadline is late, a file size of zero means the worker can never
/// write a file, and no core dumps means a crash leaves nothing of the evidence on disk.
public struct WorkerResourceLimits: Sendable, Hashable, Codable {
    /// `RLIMIT_AS`: the whole address space, libraries and thread stacks included.
    public var addressSpaceBytes: UInt64
    /// `RLIMIT_CPU`: CPU seconds over the worker's whole life; the pool retires a worker well
    /// before it reaches this.
    public var cpuSeconds: UInt64

    public init(addressSpaceBytes: UInt64 = 2 << 30, cpuSeconds: UInt64 = 3_600) {
        self.addressSpaceBytes = addressSpaceBytes
        self.cpuSeconds = cpuSeconds
    }

    /// Applies the limits to the calling process (`setrlimit` for address space, CPU, file size
    /// and core size).
    package func apply() throws(SystemCallFailure) {
        try Self.lower(Int32(RLIMIT_AS.rawValue), to: addressSpaceBytes, name: "setrlimit(RLIMIT_AS)")
        try Self.lower(Int32(RLIMIT_CPU.rawValue), to: cpuSeconds, name: "setrlimit(RLIMIT_CPU)")
        try Self.lower(Int32(RLIMIT_FSIZE.rawValue), to: 0, name: "setrlimit(RLIMIT_FSIZE)")
        try Self.lower(Int32(RLIMIT_CORE.rawValue), to: 0, name: "setrlimit(RLIMIT_CORE)")
    }

    /// CPU seconds this process has used so far (user + system), from `getrusage`.
    package static func cpuSecondsUsed() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    private static func lower(_ resource: Int32, to value: UInt64, name: String) throws(SystemCallFailure) {
        var current = rlimit()
        try SystemCall.check("getrlimit") { getrlimit(resource, &current) }
        // Never raise: a limit the parent already set lower stays as it is.
        let target = rlim_t(value)
        let hard = min(current.rlim_max, target)
        var lowered = rlimit(rlim_cur: min(current.rlim_cur, hard), rlim_max: hard)
        try SystemCall.check(name) { setrlimit(resource, &lowered) }
    }
}
