public import FootageModel

/// The moment of a clip a claim points to, for the frame a person should look at: the middle of
/// a claimed instant interval (its start when it has no end), moved by the link offset; for a
/// claim without a time of its own, the first event its check counted. Durations point nowhere.
public enum ClaimedMoment {
    public static func moment(for claim: Claim, verdict: Verdict, span: ExactSeconds?) -> (ExactSeconds, ClaimedFrame.Basis)? {
        var chosen: (ExactSeconds, ClaimedFrame.Basis)?
        if let interval = claim.interval, interval.measure == .instant {
            let bounds = interval.bounds.shifted(by: verdict.offset)
            let middle = bounds.end.map { (bounds.start + $0).scaled(by: 1, over: 2) } ?? bounds.start
            chosen = (middle, .claimedInterval)
        } else if claim.interval == nil, let first = verdict.measurement?.times.first,
                  [.event, .order, .count].contains(claim.kind) {
            chosen = (first, .firstCountedEvent)
        }
        guard let (time, basis) = chosen, !time.isNegative else { return nil }
        if let span, !(time < span) { return nil }
        return (time, basis)
    }

    /// Whole player milliseconds at or before an exact time (the frame on screen at T is at or
    /// before T, so rounding down never moves past it).
    public static func milliseconds(_ time: ExactSeconds) -> Int64 {
        let scaled = time.scaled(by: 1000, over: 1)
        let quotient = scaled.numerator / scaled.denominator
        return scaled.numerator % scaled.denominator != 0 && scaled.numerator < 0 ? quotient - 1 : quotient
    }
}
