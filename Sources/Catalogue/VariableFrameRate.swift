import FootageModel
import Foundation

/// When a variable frame rate makes a claimed time uncertain (`footage unresolved`).
enum VariableFrameRate {
    /// The part of a stored probe record this needs.
    private struct ProbeTimeline: Decodable {
        struct Timeline: Decodable { var streams: [Stream] }
        struct Stream: Decodable {
            var codecType: String?
            var timeBase: Rational
            var variableFrameRate: Bool
            var frameInterval: FrameInterval?
            enum CodingKeys: String, CodingKey {
                case codecType = "codec_type"
                case timeBase = "time_base"
                case variableFrameRate = "variable_frame_rate"
                case frameInterval = "frame_interval"
            }
        }
        struct FrameInterval: Decodable {
            var maxTicks: Int64
            enum CodingKeys: String, CodingKey { case maxTicks = "max_ticks" }
        }
        var timeline: Timeline?
    }

    /// The longest interval between frames of the first variable-rate video stream, exactly.
    static func longestFrame(probeJSON: String) -> ExactSeconds? {
        guard let record = try? JSONDecoder().decode(ProbeTimeline.self, from: Data(probeJSON.utf8)),
              let stream = record.timeline?.streams.first(where: { $0.codecType == "video" && $0.variableFrameRate }),
              let ticks = stream.frameInterval?.maxTicks else { return nil }
        return ExactSeconds(MediaTime(pts: ticks, timeBase: stream.timeBase))
    }

    /// Why the claim on this clip is uncertain, or `nil` when the frame rate does not matter.
    static func uncertainty(interval: ClaimedInterval, offset: ExactSeconds, longestFrame: ExactSeconds,
                            verdict: Verdict?) -> String? {
        guard interval.measure == .instant else { return nil }
        let frameText = "\(String(format: "%.3f", longestFrame.doubleValue)) s"
        if let half = interval.tolerance, half < longestFrame {
            return "\(interval.bounds.notation) needs timing finer than the clip's longest frame (\(frameText))"
        }
        let bounds = interval.bounds.shifted(by: offset)
        let measured = (verdict?.measurement?.times ?? []) + (verdict?.measurement?.seconds.map { [$0] } ?? [])
        let near = measured.filter { time in
            (time - bounds.start).magnitude < longestFrame || bounds.end.map { (time - $0).magnitude < longestFrame } == true
        }
        guard let first = near.first else { return nil }
        return "the measured \(first) s lies within one frame (\(frameText)) of an edge of \(bounds.notation)"
    }
}
