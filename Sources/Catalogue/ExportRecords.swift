public import FootageModel

/// Which part of a catalogue an export covers. Clips bring the claims linked to them; articles
/// bring their claims and the clips those claims are linked to.
public struct ExportScope: Sendable, Hashable {
    public var clipIDs: [Int64]
    /// Articles named by handle or URL.
    public var articles: [String]
    /// Everything in the catalogue, whatever else is named.
    public var everything: Bool

    public init(clipIDs: [Int64] = [], articles: [String] = [], everything: Bool = false) {
        self.clipIDs = clipIDs
        self.articles = articles
        self.everything = everything
    }

    public static let all = ExportScope(everything: true)
}

/// Everything an export needs from the catalogue, read in one transaction: the clips with their
/// collection records, articles, claims with their links, marks, the latest analysis of each
/// clip, the current verdicts, derived files and the custody log of the clips.
public struct ExportRecords: Sendable, Hashable {
    public struct ClipEntry: Sendable, Hashable {
        public var clip: Clip
        public var collections: [ClipCollection]
        /// Where the clip's bytes can be read: its vault object, or the in-place path.
        public var bytesPath: String
    }

    /// A claim with its links to the clips in scope.
    public struct ClaimEntry: Sendable, Hashable {
        public var stored: StoredClaim
        public var links: [ClaimLink]
    }

    public struct AnalysisEntry: Sendable, Hashable {
        public var clipDigest: SHA256Digest
        public var analysedAt: String
        public var toolVersion: String
        /// The stored report, exactly as written.
        public var reportJSON: String
    }

    public struct DerivedEntry: Sendable, Hashable {
        public var clipDigest: SHA256Digest
        public var digest: SHA256Digest
        /// What the file is, e.g. `frame` or `contact-sheet`.
        public var kind: String
        public var mediaType: String
        public var size: Int64
        public var createdAt: String
        public var objectPath: String
    }

    public struct EventEntry: Sendable, Hashable {
        public var event: CustodyEvent
        /// The clip the event is about, by digest.
        public var clipDigest: SHA256Digest?
        /// The SHA-256 of the event's canonical form: what the next event in the log chains to.
        public var chainDigest: SHA256Digest
    }

    public var clips: [ClipEntry] = []
    public var articles: [Article] = []
    public var claims: [ClaimEntry] = []
    /// Marks on the clips in scope, each clip's in time order.
    public var marks: [Mark] = []
    public var analyses: [AnalysisEntry] = []
    /// The latest verdict per claim and clip, for the claims in scope.
    public var verdicts: [StoredVerdict] = []
    public var derived: [DerivedEntry] = []
    public var custody: [EventEntry] = []
    /// Articles named in the scope that the catalogue does not hold.
    public var unknownArticles: [String] = []

    public init() {}
}
