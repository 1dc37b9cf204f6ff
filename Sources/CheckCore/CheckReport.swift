public import FootageModel

/// Which claims a check covers.
public enum CheckScope: Sendable, Hashable {
    /// Every claim in the catalogue.
    case everything
    /// Every claim linked to this clip (its row id).
    case clip(Int64)
    /// One claim, against every clip it is linked to.
    case claim(String)
}

/// One claim checked against one clip (or against none, when it is linked to none), with the
/// verdict as stored.
public struct CheckedClaim: Sendable, Hashable {
    public var claim: Claim
    public var verdict: Verdict
    /// The stored verdict's row id.
    public var verdictID: Int64

    public init(claim: Claim, verdict: Verdict, verdictID: Int64) {
        self.claim = claim
        self.verdict = verdict
        self.verdictID = verdictID
    }
}

/// What a check found in one clip, and where its measurements came from.
public struct ClipCheck: Sendable, Hashable {
    public var clip: SHA256Digest
    public var clipID: Int64
    /// The stored analysis the verdicts used; `nil` when the clip could not be analysed.
    public var analysisID: Int64?
    /// Whether the analysis was made by this check (none was stored before).
    public var analysedNow: Bool
    /// Why the clip could not be analysed, when it could not.
    public var analysisFailure: String?
    /// Detected impulsive sounds; `nil` when the clip has no audio stream or no analysis.
    public var audioEvents: [ExactSeconds]?
    public var cuts: [ExactSeconds]
    public var marks: Int
    public var checked: [CheckedClaim]

    public init(clip: SHA256Digest, clipID: Int64, analysisID: Int64?, analysedNow: Bool, analysisFailure: String?,
                audioEvents: [ExactSeconds]?, cuts: [ExactSeconds], marks: Int, checked: [CheckedClaim]) {
        self.clip = clip
        self.clipID = clipID
        self.analysisID = analysisID
        self.analysedNow = analysedNow
        self.analysisFailure = analysisFailure
        self.audioEvents = audioEvents
        self.cuts = cuts
        self.marks = marks
        self.checked = checked
    }
}

/// Everything one `check` did: the clips it checked claims against, and the claims in scope that
/// are linked to no clip.
public struct CheckReport: Sendable, Hashable {
    public var clips: [ClipCheck]
    public var unlinked: [CheckedClaim]

    public init(clips: [ClipCheck], unlinked: [CheckedClaim]) {
        self.clips = clips
        self.unlinked = unlinked
    }

    /// Every verdict, clip by clip, then the unlinked claims.
    public var verdicts: [Verdict] { (clips.flatMap(\.checked) + unlinked).map(\.verdict) }

    /// Whether any verdict says the footage contradicts its claim (the command then exits 1).
    public var foundInconsistency: Bool { verdicts.contains { $0.outcome == .inconsistent } }
}
