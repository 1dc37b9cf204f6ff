import FootageModel

/// WebVTT tracks for one clip, made from export values: the claimed intervals for people, and
/// the measured events as JSON for a `kind="metadata"` track.
public enum ClaimTrack {
    /// One cue per claim linked to the clip that has an interval: the claim's summary and what
    /// the check found, in words about the footage.
    public static func claims(for clip: ExportClip, claims: [ExportClaim], verdicts: [ExportVerdict]) -> WebVTTDocument {
        var document = WebVTTDocument(note: "claimed intervals for \(clip.fileName) (sha256 \(clip.sha256))")
        for claim in claims where claim.clipSHA256s.contains(clip.sha256) {
            guard let interval = claim.moment(in: clip.sha256) else { continue }
            let outcome = verdicts.first { $0.claimID == claim.id && $0.clipSHA256 == clip.sha256 }?.outcome ?? .unchecked
            document.append(WebVTTCue(
                id: "claim-\(claim.id)",
                startMilliseconds: ExportTime.milliseconds(interval.start),
                endMilliseconds: ExportTime.milliseconds(interval.end),
                payload: .text("\(claim.summary)\n\(outcome.words)")))
        }
        return document
    }

    /// One metadata cue per detected or marked event. Events are instants, so each cue lasts
    /// one millisecond from the event's time.
    public static func events(for clip: ExportClip) -> WebVTTDocument {
        var document = WebVTTDocument(note: "measured events for \(clip.fileName) (sha256 \(clip.sha256))")
        guard let analysis = clip.analysis else { return document }
        for (index, detection) in analysis.detections.enumerated() {
            let start = ExportTime.milliseconds(detection.time)
            document.append(WebVTTCue(id: "detected-\(index + 1)", startMilliseconds: start, endMilliseconds: start + 1,
                                      payload: .metadata(.record([
                                          "source": .string("detected"),
                                          "kind": .string(detection.kind),
                                          "time": .decimal(ExportTime.decimalSeconds(detection.time)),
                                          "strength": detection.strength.flatMap(JSONValue.number),
                                      ]))))
        }
        for (index, mark) in analysis.marks.enumerated() {
            let start = ExportTime.milliseconds(mark.time)
            document.append(WebVTTCue(id: "marked-\(index + 1)", startMilliseconds: start, endMilliseconds: start + 1,
                                      payload: .metadata(.record([
                                          "source": .string("marked"),
                                          "label": .string(mark.label),
                                          "time": .decimal(ExportTime.decimalSeconds(mark.time)),
                                          "by": .string(mark.markedBy),
                                      ]))))
        }
        return document
    }

    /// How long a cue for an instant (a detection, a mark) stays on screen. The cue starts at the
    /// event's time, and its text gives that time exactly.
    static let instantCueMilliseconds: Int64 = 500

    /// The one track a player loads for a clip: a cue per claimed interval and, when asked for,
    /// a text cue per detected event and per mark, each saying where it came from.
    public static func track(for clip: ExportClip, claims: [ExportClaim], verdicts: [ExportVerdict],
                             events: Bool, marks: Bool) -> WebVTTDocument {
        var document = Self.claims(for: clip, claims: claims, verdicts: verdicts)
        document.note = "claimed intervals\(events ? ", detected events" : "")\(marks ? ", marks" : "") for \(clip.fileName) (sha256 \(clip.sha256))"
        guard let analysis = clip.analysis else { return document }
        if events {
            for (index, detection) in analysis.detections.enumerated() {
                let start = ExportTime.milliseconds(detection.time)
                let strength = detection.strength.map { ", strength \($0)" } ?? ""
                document.append(WebVTTCue(id: "detected-\(index + 1)", startMilliseconds: start,
                                          endMilliseconds: start + instantCueMilliseconds,
                                          payload: .text("detected \(detection.kind) at \(ExportTime.decimalSeconds(detection.time)) s\(strength)")))
            }
        }
        if marks {
            for (index, mark) in analysis.marks.enumerated() {
                let start = ExportTime.milliseconds(mark.time)
                document.append(WebVTTCue(id: "marked-\(index + 1)", startMilliseconds: start,
                                          endMilliseconds: start + instantCueMilliseconds,
                                          payload: .text("marked by \(mark.markedBy) at \(ExportTime.decimalSeconds(mark.time)) s: \(mark.label)")))
            }
        }
        return document
    }
}
