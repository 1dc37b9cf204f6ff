/// A short readable summary of a probe record: what a person checks first.
public enum ProbeSummary {
    public static func text(for record: ProbeRecord) -> String {
        var lines: [String] = []
        let format = record.format
        var head = "\(format.filename): \(format.formatLongName ?? format.formatName)"
        if let size = format.size.flatMap(Int64.init) { head += ", \(size) bytes" }
        lines.append(head)
        lines.append("  durations: " + durations(record))
        if let timeline = record.timeline {
            if let origin = timeline.playerOrigin {
                var line = "  player time 0: stream \(origin.streamIndex.map(String.init) ?? "?") pts \(origin.pts) (\(seconds(origin.seconds)) s)"
                if let start = timeline.containerStart { line += "; container start \(seconds(start.seconds)) s" }
                lines.append(line)
            }
        }
        for stream in record.streams { lines.append("  " + describe(stream, record.timeline)) }
        if let rotation = record.timeline?.rotation ?? record.primaryVideoStream?.displayMatrixRotation {
            lines.append("  rotation: \(rotation) (display matrix, ffprobe 5.1 convention)")
        }
        if let window = record.timeline?.creationTime {
            let zone = window.hasZone ? "with a zone" : "without a zone: may be local time"
            lines.append("  creation_time: \(window.written) (as written, \(zone); it may mark the start or the end of recording)")
            lines.append("    recorded \(window.ifStart.start.iso8601) to \(window.ifStart.end.iso8601) if it marks the start,")
            lines.append("    or \(window.ifEnd.start.iso8601) to \(window.ifEnd.end.iso8601) if it marks the end")
        } else if let created = format.tags?["creation_time"] {
            lines.append("  creation_time: \(created) (as written; it may mark the start or the end of recording, in UTC or local time)")
        }
        if let location = record.timeline?.location {
            var line = "  location: \(location.written) (latitude \(location.latitude), longitude \(location.longitude)"
            if let altitude = location.altitude { line += ", altitude \(altitude) m" }
            lines.append(line + ")")
        }
        if let truncation = record.timeline?.truncation { lines.append("  truncated: \(truncation.summary)") }
        if record.timeline?.hasC2PAManifest == true {
            lines.append("  c2pa: a content-credentials manifest box is present (not verified)")
        }
        for warning in record.timeline?.warnings ?? [] { lines.append("  warning: \(warning.message)") }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ stream: ProbeStream, _ timeline: Timeline?) -> String {
        var parts = ["stream \(stream.index): \(stream.codecType ?? "unknown") \(stream.codecName ?? "unknown")"]
        if let profile = stream.profile { parts[0] += " (\(profile))" }
        if let width = stream.width, let height = stream.height, stream.codecType == "video" {
            parts.append("\(width)x\(height)")
        }
        if stream.codecType == "video" {
            parts.append("\(stream.avgFrameRate) fps avg (\(stream.rFrameRate) base)")
        }
        if let rate = stream.sampleRate { parts.append("\(rate) Hz") }
        if let layout = stream.channelLayout { parts.append(layout) }
        if let summary = timeline?.streams.first(where: { $0.index == stream.index }) {
            parts.append("\(summary.frameCount) \(stream.codecType == "video" ? "frames" : "packets")")
            if stream.codecType == "video" {
                parts.append("\(summary.keyframeCount) keyframe" + (summary.keyframeCount == 1 ? "" : "s"))
            }
            if summary.variableFrameRate { parts.append("variable frame rate") }
            if let start = summary.playerStartSeconds, start != 0 {
                parts.append("first shown at \(seconds(start)) s player time")
            }
        }
        return parts.joined(separator: ", ")
    }

    private static func durations(_ record: ProbeRecord) -> String {
        guard let timeline = record.timeline else { return record.format.duration.map { "container \($0) s" } ?? "unknown" }
        let parts = timeline.durations.map { duration -> String in
            let name = switch duration.kind {
            case .container: "container"
            case .streamDeclared: "stream \(duration.streamIndex ?? 0) header"
            case .streamPresented: "stream \(duration.streamIndex ?? 0) presented"
            case .playerSpan: "player span"
            }
            return "\(name) \(seconds(duration.seconds)) s"
        }
        return parts.isEmpty ? "unknown" : parts.joined(separator: "; ")
    }

    /// Seconds with millisecond precision, for display only.
    static func seconds(_ value: Double) -> String {
        let millis = Int64((value * 1000).rounded())
        let sign = millis < 0 ? "-" : ""
        let magnitude = abs(millis)
        let fraction = String(magnitude % 1000)
        return "\(sign)\(magnitude / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
