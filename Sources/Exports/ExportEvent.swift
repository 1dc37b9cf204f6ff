public import Foundation
public import FootageModel

/// One custody-log event: who did what to a clip or claim, when, with which tool, chained to the
/// event before it by hash.
public struct ExportEvent: Sendable, Hashable, Codable {
    public var sequence: Int
    public var at: Date
    public var actor: String
    /// `registered`, `probed`, `analysed`, `linked`, `marked`, `checked`, `exported`, `verified`.
    public var action: String
    /// A clip's SHA-256 or a claim id.
    public var subject: String
    public var toolVersion: String
    public var details: String?
    /// Lowercase hex SHA-256 of this event and the previous hash.
    public var hash: String
    public var previousHash: String?

    public init(sequence: Int, at: Date, actor: String, action: String, subject: String, toolVersion: String,
                details: String? = nil, hash: String, previousHash: String? = nil) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.toolVersion = toolVersion
        self.details = details
        self.hash = hash
        self.previousHash = previousHash
    }
}

/// A still image taken from a clip at a player time (the frame on screen at that time).
public struct ExportFrame: Sendable, Hashable, Codable {
    public var clipSHA256: String
    public var time: MediaTime
    /// Where the image sits in the bag, relative to `data/`.
    public var path: String
    public var sha256: String

    public init(clipSHA256: String, time: MediaTime, path: String, sha256: String) {
        self.clipSHA256 = clipSHA256
        self.time = time
        self.path = path
        self.sha256 = sha256
    }
}

/// A tool and the version that produced the evidence (`footage`, `libavformat`, …).
public struct ExportToolVersion: Sendable, Hashable, Codable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}
