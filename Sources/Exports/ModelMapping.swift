public import Foundation
public import FootageModel

extension VerdictOutcome {
    /// Words for people: about the footage, never about the world.
    public var words: String {
        switch self {
        case .consistent: "footage consistent with the claimed timing"
        case .inconsistent: "footage not consistent with the claimed timing"
        case .inconclusive: "footage cannot settle the claimed timing"
        case .unchecked: "not checked against footage"
        }
    }
}

extension ExportClaim {
    /// The export form of a catalogue claim. `clipOffsets` are the link offsets by clip SHA-256.
    /// The interval is the reading the claim records, `[start, end)`; a claim whose interval
    /// has no upper bound ("after two minutes") carries none here, since the formats need both ends.
    public init(_ claim: Claim, articleURL: String, claimant: String? = nil,
                clipOffsets: [String: ExactSeconds] = [:]) {
        var interval: ExportInterval?
        if let claimed = claim.interval, let end = claimed.bounds.end {
            interval = ExportInterval(start: ExportTime.mediaTime(claimed.bounds.start), end: ExportTime.mediaTime(end),
                                      rule: claimed.rule.rawValue)
        }
        let offsets = clipOffsets.filter { $0.value != .zero }.mapValues(ExportTime.mediaTime)
        self.init(id: claim.id, quote: claim.quote, summary: Self.summary(of: claim), kind: Self.kind(claim.kind),
                  articleURL: articleURL, claimant: claim.assertedBy ?? claimant, interval: interval, count: claim.count,
                  clipSHA256s: clipOffsets.keys.sorted())
        self.clipOffsets = offsets.isEmpty ? nil : offsets
    }

    /// The manifest's spelling of a claim kind (`no-footage`).
    static func kind(_ kind: ClaimKind) -> String {
        kind.rawValue.replacingOccurrences(of: "_", with: "-")
    }

    /// A short neutral statement of the claim: its quote, with the timing as written when the
    /// quote leaves it out.
    static func summary(of claim: Claim) -> String {
        let quote = claim.quote.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let timing = claim.timing?.trimmingCharacters(in: .whitespacesAndNewlines), !timing.isEmpty,
              !quote.lowercased().contains(timing.lowercased()) else { return quote }
        return "\(quote) (\(timing))"
    }
}

extension ExportVerdict {
    /// The export form of a stored verdict on one clip.
    public init(_ verdict: Verdict, clipSHA256: String, checkedAt: Date) {
        let measurement = verdict.measurement
        var measured: String?
        if let measurement {
            if let seconds = measurement.seconds {
                measured = "\(seconds) s"
            } else {
                let times = measurement.times.map { "\($0) s" }.joined(separator: ", ")
                let count = measurement.count ?? measurement.times.count
                measured = times.isEmpty ? "\(count) events" : "\(count) events at \(times)"
            }
        }
        var difference = verdict.difference.map { "\($0) s" }
        if let events = verdict.countDifference {
            difference = (difference.map { $0 + "; " } ?? "") + "\(events > 0 ? "+" : "")\(events) events"
        }
        let source: String? = switch measurement?.source {
        case .detected: "detected"
        case .marked: "marked"
        default: nil
        }
        self.init(claimID: verdict.claimId, clipSHA256: clipSHA256, outcome: verdict.outcome,
                  measurement: measurement.map { "\($0.name.rawValue):\($0.source.rawValue)" } ?? "none",
                  measured: measured, difference: difference, tolerance: verdict.tolerance.map { "± \($0) s" },
                  eventSource: source, explanation: verdict.explanation, checkedAt: checkedAt)
    }
}
