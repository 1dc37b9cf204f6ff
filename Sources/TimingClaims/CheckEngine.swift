public import FootageModel

/// Checks claims against one clip's measurements. Pure: the same inputs always give the same
/// verdicts, and nothing is read or written.
///
/// Verdicts speak of the footage ("3 events detected in this clip"), never of the world.
public enum CheckEngine {
    /// Checks one claim; `claims` holds the claims an order claim may follow.
    public static func check(_ claim: Claim, among claims: [Claim], clip: ClipMeasurements) -> Verdict {
        switch claim.kind {
        case .duration:
            return DurationCheck.check(claim, clip: clip)
        case .event, .count:
            return EventCheck.check(claim, clip: clip)
        case .order:
            return EventCheck.checkOrder(claim, among: claims, clip: clip)
        case .visual:
            let when = claim.interval.map { " at \($0.bounds.shifted(by: clip.linkOffset).notation) s" } ?? ""
            return Verdict(claimId: claim.id, outcome: .unchecked, interval: claim.interval, offset: clip.linkOffset,
                           explanation: "what is seen is for a person to judge: look at the frames\(when) and record the judgement with a mark")
        case .noFootage:
            return Verdict(claimId: claim.id, outcome: .unchecked, interval: claim.interval, offset: clip.linkOffset,
                           explanation: "no footage is offered for this claim, so a clip cannot bear it out or contradict it")
        case .describedFootage:
            return Verdict(claimId: claim.id, outcome: .unchecked, interval: claim.interval, offset: clip.linkOffset,
                           explanation: "the claim describes footage that is not held in the catalogue")
        }
    }

    /// Checks every claim against the same clip, in order.
    public static func checkAll(_ claims: [Claim], clip: ClipMeasurements) -> [Verdict] {
        claims.map { check($0, among: claims, clip: clip) }
    }
}
