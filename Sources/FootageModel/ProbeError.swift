/// Why a clip could not be probed. The single error type of the probe layer.
public struct ProbeError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable, Codable {
        case missingFile = "missing_file"
        case notReadable = "not_readable"
        /// A directory, FIFO, device or socket: never opened.
        case notAFile = "not_a_file"
        case emptyFile = "empty_file"
        /// No demuxer recognises the content (text, random bytes).
        case unsupportedFormat = "unsupported_format"
        /// A demuxer recognised it, but it is not on the container whitelist (HLS, concat, …).
        case refusedFormat = "refused_format"
        case corrupt
        /// The file was cut short (e.g. an MP4 whose `moov` index was never written).
        case truncated
        case limitExceeded = "limit_exceeded"
        /// Set by the isolated worker's parent when the worker died.
        case workerCrashed = "worker_crashed"
        /// Set by the isolated worker's parent when the deadline passed.
        case timedOut = "timed_out"
        case `internal`
    }

    /// The libav function that failed and its error text, when one did.
    public struct Cause: Sendable, Hashable, Codable {
        public var function: String
        public var code: Int32
        public var message: String

        public init(function: String, code: Int32, message: String) {
            self.function = function
            self.code = code
            self.message = message
        }
    }

    public var reason: Reason
    public var path: String
    public var cause: Cause?
    /// A lowercase message that names the file, e.g.
    /// `avformat_open_input failed for clips/a.mp4: Invalid data found when processing input`.
    public var message: String

    public init(reason: Reason, path: String, cause: Cause? = nil, message: String) {
        self.reason = reason
        self.path = path
        self.cause = cause
        self.message = message
    }

    public var description: String { message }
}
