public import Foundation
public import FootageModel

/// A clip as the exports need it: identity, where it came from, what the probe and the analysis
/// found. Filled by the command layer from the catalogue.
public struct ExportClip: Sendable, Hashable, Codable {
    /// Lowercase hex SHA-256 of the file: the clip's identity.
    public var sha256: String
    /// File name as it was registered (and as it is stored in a bag's `data/clips/`).
    public var fileName: String
    public var size: Int64
    /// Where the clip was collected from (a post, a channel).
    public var sourceURL: String?
    /// Where the file itself can be fetched, if anywhere; exports fall back to its bag path.
    public var contentURL: String?
    public var collectedAt: Date?
    public var collectedBy: String?
    /// When the source published it, if known.
    public var uploadDate: Date?
    /// A person's judgement in schema.org's MediaReview terms (`OriginalMediaContent`, …).
    public var authenticityCategory: String?
    public var probe: ExportProbeSummary?
    public var analysis: ExportAnalysisSummary?

    public init(sha256: String, fileName: String, size: Int64, sourceURL: String? = nil, contentURL: String? = nil,
                collectedAt: Date? = nil, collectedBy: String? = nil, uploadDate: Date? = nil,
                authenticityCategory: String? = nil, probe: ExportProbeSummary? = nil,
                analysis: ExportAnalysisSummary? = nil) {
        self.sha256 = sha256
        self.fileName = fileName
        self.size = size
        self.sourceURL = sourceURL
        self.contentURL = contentURL
        self.collectedAt = collectedAt
        self.collectedBy = collectedBy
        self.uploadDate = uploadDate
        self.authenticityCategory = authenticityCategory
        self.probe = probe
        self.analysis = analysis
    }
}

/// What the probe read, in brief: the container, the durations of each kind, the streams.
public struct ExportProbeSummary: Sendable, Hashable, Codable {
    public var formatName: String
    /// Durations by kind (`container`, `video-stream`, `audio-stream`, `presented-frames`).
    public var durations: [ExportDuration]
    public var streams: [ExportStream]

    public init(formatName: String, durations: [ExportDuration], streams: [ExportStream]) {
        self.formatName = formatName
        self.durations = durations
        self.streams = streams
    }

    /// The duration a viewer sees: first-to-last presented frame when known, else the container's.
    public var playerDuration: MediaTime? {
        (durations.first { $0.kind == "presented-frames" } ?? durations.first { $0.kind == "container" })?.value
    }
}

public struct ExportDuration: Sendable, Hashable, Codable {
    public var kind: String
    public var value: MediaTime
    public init(kind: String, value: MediaTime) {
        self.kind = kind
        self.value = value
    }
}

public struct ExportStream: Sendable, Hashable, Codable {
    public var index: Int
    /// `video`, `audio`, `subtitle`, `data`.
    public var type: String
    public var codec: String
    public var width: Int?
    public var height: Int?
    public var averageFrameRate: Rational?
    public var sampleRate: Int?
    public var channels: Int?

    public init(index: Int, type: String, codec: String, width: Int? = nil, height: Int? = nil,
                averageFrameRate: Rational? = nil, sampleRate: Int? = nil, channels: Int? = nil) {
        self.index = index
        self.type = type
        self.codec = codec
        self.width = width
        self.height = height
        self.averageFrameRate = averageFrameRate
        self.sampleRate = sampleRate
        self.channels = channels
    }
}

/// What the analysis found, and what people marked.
public struct ExportAnalysisSummary: Sendable, Hashable, Codable {
    public var detections: [ExportDetection]
    public var marks: [ExportMark]

    public init(detections: [ExportDetection] = [], marks: [ExportMark] = []) {
        self.detections = detections
        self.marks = marks
    }
}

/// An event a detector found, at a player time.
public struct ExportDetection: Sendable, Hashable, Codable {
    /// `audio-onset` or `scene-cut`.
    public var kind: String
    public var time: MediaTime
    /// Detector strength as exact decimal text (e.g. dB above the noise floor).
    public var strength: String?

    public init(kind: String, time: MediaTime, strength: String? = nil) {
        self.kind = kind
        self.time = time
        self.strength = strength
    }
}

/// An event a person marked at a player time; it outranks a detection.
public struct ExportMark: Sendable, Hashable, Codable {
    public var time: MediaTime
    public var label: String
    public var markedBy: String
    public var markedAt: Date

    public init(time: MediaTime, label: String, markedBy: String, markedAt: Date) {
        self.time = time
        self.label = label
        self.markedBy = markedBy
        self.markedAt = markedAt
    }
}
