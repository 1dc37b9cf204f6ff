/// One line of the clip listing: enough to recognise a clip, cheap to read for every clip.
public struct ClipSummary: Sendable, Hashable, Codable {
    public var digest: SHA256Digest
    public var size: Int64
    /// Container duration in microseconds, when a probe found one.
    public var duration: MediaTime?
    public var sourceURL: String
    public var originalName: ClipFileName
    /// The reason name when the latest probe failed.
    public var probeFailure: String?

    public init(digest: SHA256Digest, size: Int64, duration: MediaTime?, sourceURL: String,
                originalName: ClipFileName, probeFailure: String?) {
        self.digest = digest
        self.size = size
        self.duration = duration
        self.sourceURL = sourceURL
        self.originalName = originalName
        self.probeFailure = probeFailure
    }
}
