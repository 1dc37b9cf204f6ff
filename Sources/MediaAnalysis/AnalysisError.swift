/// What went wrong while seeking, decoding, analysing or encoding a clip.
public struct AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The file is missing, not a regular file, or not readable.
        case missing
        /// The file is not media we accept, or is damaged.
        case unreadable
        /// The file has no stream of the kind the operation needs.
        case noStream
        /// A libav call failed while decoding or encoding.
        case codec
        /// A requested time lies outside the clip.
        case outOfRange
        /// Writing an output file failed.
        case output
    }

    public var reason: Reason
    public var path: String
    /// The libav function (or system call) that failed and its message, when there is one.
    public var cause: String?
    public var detail: String
    /// The probe layer's own message when opening failed there; it already names the file.
    public var probeMessage: String?

    public init(_ reason: Reason, path: String, detail: String, cause: String? = nil) {
        self.reason = reason
        self.path = path
        self.detail = detail
        self.cause = cause
    }

    public var description: String {
        if let probeMessage { return probeMessage }
        if let cause { return "\(detail) for \(path): \(cause)" }
        return "\(detail) for \(path)"
    }
}
