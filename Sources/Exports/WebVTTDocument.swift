/// A WebVTT file: the `WEBVTT` header, an optional note, and cues in start order.
///
/// Timestamps always carry hours (`00:00:05.000`), so every cue in a file has the same shape.
public struct WebVTTDocument: Sendable, Hashable {
    public var cues: [WebVTTCue]
    /// A `NOTE` block after the header, for whoever opens the file.
    public var note: String?

    public init(cues: [WebVTTCue] = [], note: String? = nil) {
        self.cues = cues
        self.note = note
    }

    public mutating func append(_ cue: WebVTTCue) { cues.append(cue) }

    /// The file's text. Refuses negative or empty cue intervals, cue ids that would break the
    /// layout, and a note containing `-->`.
    public func render() throws(ExportError) -> String {
        var out = "WEBVTT\n\n"
        if let note {
            let body = note.replacingLineBreaks().split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
            if body.contains("-->") { throw .unrepresentable(what: "WebVTT note", reason: "it contains '-->'") }
            out += "NOTE\n\(body)\n\n"
        }
        let ordered = cues.enumerated().sorted { lhs, rhs in
            (lhs.element.startMilliseconds, lhs.offset) < (rhs.element.startMilliseconds, rhs.offset)
        }.map(\.element)
        for cue in ordered {
            guard cue.startMilliseconds >= 0, cue.endMilliseconds > cue.startMilliseconds else {
                throw .unrepresentable(what: "WebVTT cue \(cue.id ?? "")",
                                       reason: "it runs from \(cue.startMilliseconds) ms to \(cue.endMilliseconds) ms; a cue ends after it starts, at or after 0")
            }
            if let id = cue.id {
                if id.isEmpty || id.contains("-->") || id.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
                    throw .unrepresentable(what: "WebVTT cue id \(ExportError.visible(id))",
                                           reason: "an id is one non-empty line without '-->'")
                }
                out += id + "\n"
            }
            out += "\(Self.timestamp(cue.startMilliseconds)) --> \(Self.timestamp(cue.endMilliseconds))\n"
            let payload = cue.payloadText()
            out += payload.isEmpty ? "\n" : payload + "\n\n"
        }
        return out
    }

    /// `HH:MM:SS.mmm`; hours grow past two digits when needed.
    public static func timestamp(_ milliseconds: Int64) -> String {
        let hours = milliseconds / 3_600_000
        let minutes = milliseconds % 3_600_000 / 60_000
        let seconds = milliseconds % 60_000 / 1000
        let millis = milliseconds % 1000
        return "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(millis, 3))"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
