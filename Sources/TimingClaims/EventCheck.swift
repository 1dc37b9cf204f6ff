import FootageModel

/// Event, count and order claims: how many events lie where the claim puts them.
enum EventCheck {
    /// The outcome of comparing the events found in a region with the number claimed.
    struct Tally {
        var outcome: VerdictOutcome
        var inside: [ExactSeconds]
        var explanation: String
        var difference: ExactSeconds
        var countDifference: Int
    }

    static let noEventsExplanation = "the clip has no audio stream and no event is marked in it, so the claimed events cannot be detected; a person should mark them (footage mark)"

    /// "a shot in the sixth second", "three shots in the first minute".
    static func check(_ claim: Claim, clip: ClipMeasurements) -> Verdict {
        let needed = claim.count ?? 1
        let bounds: IntervalBounds
        if let interval = claim.interval {
            bounds = interval.bounds.shifted(by: clip.linkOffset)
        } else if claim.kind == .count, let span = clip.span {
            bounds = IntervalBounds(start: .zero, end: span, startClosed: true, endClosed: true)
        } else {
            return Verdict(claimId: claim.id, outcome: .unchecked, interval: nil, offset: clip.linkOffset,
                           explanation: "the claim gives no time to check")
        }
        let tolerance = claim.interval?.tolerance
        if let span = clip.span, !(bounds.start < span) {
            return Verdict(claimId: claim.id, outcome: .inconsistent, interval: claim.interval, offset: clip.linkOffset,
                           difference: bounds.start - span, tolerance: tolerance,
                           explanation: "the claimed interval \(bounds.notation) s begins at or after the end of the clip (\(SecondsText.text(span)))")
        }
        guard let selection = EventSelection.select(for: claim, in: clip) else {
            return Verdict(claimId: claim.id, outcome: .inconclusive, interval: claim.interval, offset: clip.linkOffset,
                           tolerance: tolerance, explanation: noEventsExplanation)
        }
        let described = claim.interval.map { "\(bounds.notation) s (\"\($0.written)\")" } ?? "the whole clip"
        let tally = tallyInterval(needed: needed, exact: claim.count != nil, bounds: bounds, described: described,
                                  selection: selection)
        var explanation = tally.explanation
        var alternative: AlternativeOutcome?
        if let interval = claim.interval, let reading = interval.alternative {
            let half = interval.tolerance ?? ExactSeconds(1, 2) ?? .zero
            let near = selection.times.filter { time in
                (time - bounds.start).magnitude < half || bounds.end.map { (time - $0).magnitude < half } == true
            }
            let altBounds = reading.bounds.shifted(by: clip.linkOffset)
            let altTally = tallyInterval(needed: needed, exact: claim.count != nil, bounds: altBounds,
                                         described: "\(altBounds.notation) s (\"\(reading.expression)\")", selection: selection)
            if altTally.outcome != tally.outcome || !near.isEmpty {
                alternative = AlternativeOutcome(reading: reading, outcome: altTally.outcome,
                                                 explanation: "read as \"\(reading.expression)\": " + altTally.explanation)
                if !near.isEmpty {
                    let verb = near.count == 1 ? "lies" : "lie"
                    explanation += "; \(SecondsText.list(near)) \(verb) within \(SecondsText.text(half)) of an edge of the interval, so the reading matters"
                }
                explanation += "; read as \"\(reading.expression)\" the outcome would be \(altTally.outcome.rawValue)"
                if altTally.outcome == .consistent, tally.outcome == .consistent, altTally.inside != tally.inside {
                    explanation += ", but on a different event (\(SecondsText.list(altTally.inside)) rather than \(SecondsText.list(tally.inside)))"
                }
            }
        }
        explanation += detectorNote(for: claim, clip: clip, selection: selection, tally: tally) { bounds.contains($0) }
        let measurement = Measurement(name: .eventsInInterval, source: selection.source, count: tally.inside.count,
                                      times: tally.inside)
        return Verdict(claimId: claim.id, outcome: tally.outcome, interval: claim.interval, offset: clip.linkOffset,
                       measurement: measurement, difference: tally.difference, countDifference: tally.countDifference,
                       tolerance: tolerance, explanation: explanation, alternativeReading: alternative)
    }

    /// "followed by two shots": events after the event of the claim it follows.
    static func checkOrder(_ claim: Claim, among claims: [Claim], clip: ClipMeasurements) -> Verdict {
        let needed = claim.count ?? 1
        let tolerance = claim.interval?.tolerance
        guard let previousId = claim.follows, let previous = claims.first(where: { $0.id == previousId }) else {
            return Verdict(claimId: claim.id, outcome: .inconclusive, interval: claim.interval, offset: clip.linkOffset,
                           explanation: "the claim does not name a claim it follows among those checked, so there is nothing to count after")
        }
        guard let selection = EventSelection.select(for: claim, in: clip) else {
            return Verdict(claimId: claim.id, outcome: .inconclusive, interval: claim.interval, offset: clip.linkOffset,
                           tolerance: tolerance, explanation: noEventsExplanation)
        }
        var visited: Set<String> = [claim.id]
        guard let anchor = countedEvents(of: previous, among: claims, clip: clip, visited: &visited)?.last else {
            return Verdict(claimId: claim.id, outcome: .inconclusive, interval: claim.interval, offset: clip.linkOffset,
                           tolerance: tolerance,
                           explanation: "the event of claim \(previous.id), which this claim follows, is not borne out by the clip as claimed, so the events after it cannot be placed")
        }
        let shifted = claim.interval?.bounds.shifted(by: clip.linkOffset)
        let after = selection.times.filter { time in
            anchor < time
                && (claim.window.map { !(anchor + $0 < time) } ?? true)
                && (shifted.map { $0.contains(time) } ?? true)
        }
        var region = "after the event of claim \(previous.id) at \(SecondsText.text(anchor))"
        if let window = claim.window { region += " (within \(SecondsText.text(window)))" }
        let tally = judge(needed: needed, exact: claim.count != nil, inside: after, elsewhere: [], region: region,
                          distance: { _ in .zero }, source: selection.source)
        let note = detectorNote(for: claim, clip: clip, selection: selection, tally: tally) { time in
            anchor < time && (claim.window.map { !(anchor + $0 < time) } ?? true) && (shifted.map { $0.contains(time) } ?? true)
        }
        let measurement = Measurement(name: .eventsAfter, source: selection.source, count: after.count, times: after)
        return Verdict(claimId: claim.id, outcome: tally.outcome, interval: claim.interval, offset: clip.linkOffset,
                       measurement: measurement, difference: tally.difference, countDifference: tally.countDifference,
                       tolerance: tolerance, explanation: tally.explanation + note)
    }

    /// When marks decided against the claim, what the detector heard in the same place: the
    /// marks still take precedence, but a reader should know the two differ.
    private static func detectorNote(for claim: Claim, clip: ClipMeasurements, selection: EventSelection, tally: Tally,
                                     in region: (ExactSeconds) -> Bool) -> String {
        guard selection.source == .marked, tally.outcome != .consistent,
              let detected = EventSelection.select(for: claim, in: clip, ignoringMarks: true) else { return "" }
        let heard = detected.times.filter(region)
        guard heard.count != tally.inside.count else { return "" }
        return "; the detector found \(SecondsText.events(heard.count)) there, but a person's marks take precedence"
    }

    /// The events that bore a claim out, in clip time; `nil` when the claim is not borne out.
    private static func countedEvents(of claim: Claim, among claims: [Claim], clip: ClipMeasurements,
                                      visited: inout Set<String>) -> [ExactSeconds]? {
        guard visited.insert(claim.id).inserted else { return nil }
        let verdict: Verdict
        switch claim.kind {
        case .event, .count: verdict = check(claim, clip: clip)
        case .order: verdict = checkOrder(claim, among: claims, clip: clip)
        default: return nil
        }
        guard verdict.outcome == .consistent, let times = verdict.measurement?.times, !times.isEmpty else { return nil }
        return times
    }

    private static func tallyInterval(needed: Int, exact: Bool, bounds: IntervalBounds, described: String,
                                      selection: EventSelection) -> Tally {
        let inside = selection.times.filter { bounds.contains($0) }
        let elsewhere = selection.times.filter { !bounds.contains($0) }
        return judge(needed: needed, exact: exact, inside: inside, elsewhere: elsewhere, region: "in \(described)",
                     distance: { bounds.distance(to: $0) }, source: selection.source)
    }

    /// The count rule (a claim without a count asks for at least one): as many as claimed is consistent; more is inconsistent; fewer is
    /// inconsistent when a person marked the events or when the detector found enough events
    /// elsewhere, and inconclusive when the detector simply found too few (a detector misses
    /// quiet or overlapping sounds, so its silence is not evidence of absence).
    private static func judge(needed: Int, exact: Bool, inside: [ExactSeconds], elsewhere: [ExactSeconds], region: String,
                              distance: (ExactSeconds) -> ExactSeconds, source: MeasurementSource) -> Tally {
        let verb = source == .marked ? "marked by a person" : "detected"
        let found = inside.isEmpty ? "no event \(verb) \(region)"
            : "\(SecondsText.events(inside.count)) \(verb) \(region), at \(SecondsText.list(inside))"
        let claimed = exact ? "\(needed) claimed" : "at least \(needed) claimed"
        if inside.count == needed || (!exact && inside.count > needed) {
            return Tally(outcome: .consistent, inside: inside, explanation: "\(found), as claimed",
                         difference: .zero, countDifference: 0)
        }
        if inside.count > needed && exact {
            return Tally(outcome: .inconsistent, inside: inside, explanation: "\(found), where \(claimed)",
                         difference: .zero, countDifference: inside.count - needed)
        }
        let nearest = elsewhere.min { distance($0) < distance($1) }
        let gap = nearest.map(distance) ?? .zero
        let nearestText = nearest.map { "; the nearest other event \(verb) is at \(SecondsText.text($0)), \(SecondsText.text(distance($0))) outside" } ?? ""
        if source == .marked {
            return Tally(outcome: .inconsistent, inside: inside, explanation: "\(found), where \(claimed)\(nearestText)",
                         difference: gap, countDifference: inside.count - needed)
        }
        if inside.count + elsewhere.count < needed {
            return Tally(outcome: .inconclusive, inside: inside,
                         explanation: "\(found), where \(claimed); the detector found only \(SecondsText.events(inside.count + elsewhere.count)) where the claim could place them, and a detector can miss quiet or overlapping sounds, so a person should mark the events (footage mark)",
                         difference: gap, countDifference: inside.count - needed)
        }
        return Tally(outcome: .inconsistent, inside: inside, explanation: "\(found), where \(claimed)\(nearestText)",
                     difference: gap, countDifference: inside.count - needed)
    }
}
