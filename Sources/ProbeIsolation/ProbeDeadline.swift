/// How long the parent waits for one request before it kills the worker: a fixed allowance plus
/// one per megabyte of the file, larger for frame listings, which decode every frame.
public struct ProbeDeadline: Sendable, Hashable {
    public var base: Duration
    /// Per megabyte for `probe` and `packets`, which only read headers or demux.
    public var perMegabyte: Duration
    /// Per megabyte for `frames`, which decodes.
    public var decodingPerMegabyte: Duration

    public init(base: Duration = .seconds(5), perMegabyte: Duration = .milliseconds(50),
                decodingPerMegabyte: Duration = .milliseconds(500)) {
        self.base = base
        self.perMegabyte = perMegabyte
        self.decodingPerMegabyte = decodingPerMegabyte
    }

    /// The same allowance for every file, whatever its size.
    public static func fixed(_ duration: Duration) -> ProbeDeadline {
        ProbeDeadline(base: duration, perMegabyte: .zero, decodingPerMegabyte: .zero)
    }

    /// The time allowed for one request of `kind` on a file of `byteCount` bytes.
    public func allowance(for kind: ProbeRequestKind, byteCount: Int64) -> Duration {
        let megabytes = Double(max(0, byteCount)) / 1_048_576
        let rate = kind == .frames ? decodingPerMegabyte : perMegabyte
        return base + rate * megabytes
    }

    /// The allowance in nanoseconds, saturating rather than overflowing.
    func nanoseconds(for kind: ProbeRequestKind, byteCount: Int64) -> UInt64 {
        let parts = allowance(for: kind, byteCount: byteCount).components
        guard parts.seconds >= 0 else { return 0 }
        let (seconds, overflow) = UInt64(parts.seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? UInt64.max / 2 : seconds + UInt64(max(0, parts.attoseconds) / 1_000_000_000)
    }
}
