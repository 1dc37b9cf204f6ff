import FootageModel

/// Duration claims against the probe's durations: the first-to-last presented frame duration
/// when there is one, else the video stream's, else the container's; the others are listed.
enum DurationCheck {
    static func check(_ claim: Claim, clip: ClipMeasurements) -> Verdict {
        guard let interval = claim.interval else {
            return Verdict(claimId: claim.id, outcome: .unchecked, interval: nil, offset: clip.linkOffset,
                           explanation: "the claim gives no length to check")
        }
        let all: [(MeasurementName, ExactSeconds?, String)] = [
            (.presentedFramesDuration, clip.durations.presentedFrames, "first-to-last presented frame duration"),
            (.videoStreamDuration, clip.durations.videoStream, "video stream duration"),
            (.containerDuration, clip.durations.container, "container duration"),
        ]
        let available = all.compactMap { entry in entry.1.map { (entry.0, $0, entry.2) } }
        let listed = available.map { Measurement(name: $0.0, source: .probe, seconds: $0.1) }
        guard let used = available.first else {
            return Verdict(claimId: claim.id, outcome: .inconclusive, interval: interval, offset: clip.linkOffset,
                           tolerance: interval.tolerance,
                           explanation: "the probe reported no duration for this clip, so its length cannot be compared")
        }
        let measurement = Measurement(name: used.0, source: .probe, seconds: used.1)
        let others = Array(listed.dropFirst())
        if clip.linkOffset != .zero {
            return Verdict(claimId: claim.id, outcome: .inconclusive, interval: interval, offset: clip.linkOffset,
                           measurement: measurement, otherMeasurements: others, tolerance: interval.tolerance,
                           explanation: "the article's excerpt starts at \(SecondsText.text(clip.linkOffset)) in this clip, so the clip's \(used.2) (\(SecondsText.text(used.1))) does not measure the excerpt's length")
        }
        let inside = interval.bounds.contains(used.1)
        let difference = interval.bounds.distance(to: used.1)
        var explanation = "the \(used.2) is \(SecondsText.text(used.1)), "
            + (inside ? "inside" : "outside") + " the claimed \(interval.bounds.notation) s (\"\(interval.written)\")"
        if !inside { explanation += " by \(SecondsText.text(difference))" }
        if inside, let edge = nearestEdge(of: interval.bounds, to: used.1),
           let tolerance = interval.tolerance, edge < tolerance.scaled(by: 1, over: 5) {
            explanation += ", \(SecondsText.text(edge)) from its edge"
        }
        if let widening = interval.widening { explanation += "; \(widening.reason)" }
        let disagreeing = available.dropFirst().filter { interval.bounds.contains($0.1) != inside }
        if !disagreeing.isEmpty {
            explanation += "; note that the " + disagreeing.map { "\($0.2) (\(SecondsText.text($0.1)))" }
                .joined(separator: " and ") + " would give the opposite outcome"
        }
        return Verdict(claimId: claim.id, outcome: inside ? .consistent : .inconsistent, interval: interval,
                       offset: clip.linkOffset, measurement: measurement, otherMeasurements: others,
                       difference: difference, tolerance: interval.tolerance, explanation: explanation)
    }

    /// How far a value inside the bounds lies from the nearer bound.
    private static func nearestEdge(of bounds: IntervalBounds, to value: ExactSeconds) -> ExactSeconds? {
        let fromStart = value - bounds.start
        guard let end = bounds.end else { return fromStart }
        let toEnd = end - value
        return min(fromStart, toEnd)
    }
}
