/// Evidence that a file was cut short: its structure promises bytes that are not there.
public struct TruncationFinding: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// No `moov` box: the recording or copy stopped before the index was written.
        case movieBoxMissing = "movie_box_missing"
        /// The index lists samples whose bytes lie past the end of the file.
        case samplesPastEnd = "samples_past_end"
        /// A top-level box declares more bytes than the file holds, but every indexed sample is present.
        case boxPastEnd = "box_past_end"
    }

    /// Samples of one stream that the index lists but the file no longer holds.
    public struct MissingSamples: Sendable, Hashable, Codable {
        public var streamIndex: Int
        public var count: Int
        /// The earliest presentation timestamp among the missing samples, in `timeBase`.
        public var fromPTS: Int64?
        public var timeBase: Rational
        /// `fromPTS` in seconds, for display.
        public var fromSeconds: Double?

        public init(streamIndex: Int, count: Int, from: MediaTime?, timeBase: Rational) {
            self.streamIndex = streamIndex
            self.count = count
            self.fromPTS = from?.rescaled(to: timeBase).pts
            self.timeBase = timeBase
            self.fromSeconds = from?.seconds
        }

        /// The earliest missing presentation time.
        public var from: MediaTime? { fromPTS.map { MediaTime(pts: $0, timeBase: timeBase) } }

        enum CodingKeys: String, CodingKey {
            case streamIndex = "stream_index"
            case count
            case fromPTS = "from_pts"
            case timeBase = "time_base"
            case fromSeconds = "from_seconds"
        }
    }

    public var kind: Kind
    public var fileSize: Int64
    /// Where the last top-level box says the file should end.
    public var declaredEnd: Int64
    public var missing: [MissingSamples]

    public init(kind: Kind, fileSize: Int64, declaredEnd: Int64, missing: [MissingSamples]) {
        self.kind = kind
        self.fileSize = fileSize
        self.declaredEnd = declaredEnd
        self.missing = missing
    }

    /// One line for a report.
    public var summary: String {
        switch kind {
        case .movieBoxMissing:
            return "truncated: no movie box ('moov'); the file is \(fileSize) bytes and its boxes declare \(declaredEnd)"
        case .boxPastEnd:
            return "truncated: the file is \(fileSize) bytes but its last box declares \(declaredEnd)"
        case .samplesPastEnd:
            let parts = missing.map { m in
                let from = m.from.map { " from \(TimelineBuilder.formatSeconds($0.seconds)) s" } ?? ""
                return "stream \(m.streamIndex): \(m.count) samples missing\(from)"
            }
            return "truncated: the file is \(fileSize) bytes, its index reaches \(declaredEnd); " + parts.joined(separator: "; ")
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case fileSize = "file_size"
        case declaredEnd = "declared_end"
        case missing
    }
}
