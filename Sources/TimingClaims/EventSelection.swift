import FootageModel

/// The events a check counts: a person's marks when there are any for this kind of event,
/// otherwise the detector's audio onsets; `nil` when neither can exist (no marks, no audio).
struct EventSelection {
    var times: [ExactSeconds]
    var source: MeasurementSource

    static func select(for claim: Claim, in clip: ClipMeasurements, ignoringMarks: Bool = false) -> EventSelection? {
        let marks = clip.marked.filter { matches(label: $0.label, event: claim.event) }
        if !marks.isEmpty && !ignoringMarks {
            return EventSelection(times: marks.map(\.time).sorted(), source: .marked)
        }
        guard clip.hasAudio else { return nil }
        let onsets = clip.detected.filter { $0.kind == .audioOnset }.map(\.time)
            .filter { time in clip.span.map { !($0 < time) } ?? true }
        return EventSelection(times: onsets.sorted(), source: .detected)
    }

    /// A mark counts for a claim when its label names the claimed event ("shot" matches
    /// "Shot, left soldier" and "shots"); a claim without an event label takes every mark.
    static func matches(label: String, event: String?) -> Bool {
        guard let event, !event.isEmpty else { return true }
        let stem = event.lowercased().hasSuffix("s") ? String(event.lowercased().dropLast()) : event.lowercased()
        return label.lowercased().contains(stem)
    }
}
