/// How `footage-index-worker` ends, as its exit status. Shared by the worker and the command
/// that starts it, so that both read the numbers the same way.
public enum IndexWorkerStatus: Int32, Sendable, Hashable, CaseIterable {
    /// The keyframe list is on stdout.
    case listed = 0
    /// Not one path argument.
    case usage = 64
    /// The file is not an MP4/MOV, or its index is damaged or does not list every packet: a
    /// demux scan must answer instead. The reason is on stdout as a JSON string.
    case noUsableIndex = 3
    /// The file could not be opened or read (a symbolic link is refused too). The reason is on
    /// stdout as a JSON string.
    case unreadable = 4
    /// The worker could not lower its own resource limits, so it read nothing.
    case limitsRefused = 5
}
