/// How a copy of a clip came in: where from, when, by whom, under which name, with which tool.
public struct ClipCollection: Sendable, Hashable, Codable {
    /// Where the clip was collected from (a URL, or any text the collector gave).
    public var sourceURL: String
    /// ISO 8601 UTC time of collection (given by the collector, or the registration time).
    public var collectedAt: String
    public var collector: String
    /// The file name byte for byte as it was on disk.
    public var originalName: ClipFileName
    /// The path given on the command line, resolved to an absolute path, byte for byte.
    public var originalPath: ClipFileName
    public var size: Int64
    public var digest: SHA256Digest
    public var note: String?
    /// Version of the tool that registered it.
    public var toolVersion: String
    /// Versions of the libraries that read and stored it (FFmpeg's, SQLite's).
    public var libraryVersions: [String: String]
    /// ISO 8601 UTC time the record was written.
    public var recordedAt: String

    public init(sourceURL: String, collectedAt: String, collector: String, originalName: ClipFileName,
                originalPath: ClipFileName, size: Int64, digest: SHA256Digest, note: String?,
                toolVersion: String, libraryVersions: [String: String], recordedAt: String) {
        self.sourceURL = sourceURL
        self.collectedAt = collectedAt
        self.collector = collector
        self.originalName = originalName
        self.originalPath = originalPath
        self.size = size
        self.digest = digest
        self.note = note
        self.toolVersion = toolVersion
        self.libraryVersions = libraryVersions
        self.recordedAt = recordedAt
    }
}
