/// An impulsive sound found in a clip's audio (a shot, a bang, a slam), in player time.
public struct AudioEvent: Sendable, Hashable, Codable {
    /// Onset in player time, in milliseconds, refined to the sample where the envelope rose.
    public var onsetMs: Int64
    /// Loudest sample of the event, in dBFS (0 is full scale).
    public var peakDBFS: Double
    /// How far the event's short-time energy rose above the adaptive noise floor, in dB.
    public var strength: Double

    public init(onsetMs: Int64, peakDBFS: Double, strength: Double) {
        self.onsetMs = onsetMs
        self.peakDBFS = peakDBFS
        self.strength = strength
    }
}

/// A cut between two shots: the first frame of the new shot.
public struct SceneCut: Sendable, Hashable, Codable {
    /// Presentation time of the first frame after the cut, in the video stream's time base.
    public var time: MediaTime
    /// The same time as player milliseconds (0 is the first presented frame).
    public var playerMs: Int64
    /// Change between the two frames (mean absolute difference plus histogram distance, 0…2).
    public var score: Double

    public init(time: MediaTime, playerMs: Int64, score: Double) {
        self.time = time
        self.playerMs = playerMs
        self.score = score
    }
}

/// A 64-bit perceptual hash of one frame, for finding the same footage in other clips.
public struct FrameHash: Sendable, Hashable, Codable {
    public var time: MediaTime
    public var playerMs: Int64
    /// The hash as 16 lowercase hex digits.
    public var hash: String

    public init(time: MediaTime, playerMs: Int64, hash: UInt64) {
        self.time = time
        self.playerMs = playerMs
        self.hash = FrameHash.hex(hash)
    }

    /// The hash as an integer, for Hamming distances.
    public var value: UInt64? { UInt64(hash, radix: 16) }

    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
