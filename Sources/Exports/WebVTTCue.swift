/// One WebVTT cue: an optional identifier, a start and end in integer milliseconds of player
/// time, and a payload that is either text for people or JSON for a `kind="metadata"` track.
public struct WebVTTCue: Sendable, Hashable {
    public enum Payload: Sendable, Hashable {
        case text(String)
        /// Written as one line of JSON, with `<`, `>` and `&` escaped inside strings.
        case metadata(JSONValue)
    }

    public var id: String?
    public var startMilliseconds: Int64
    public var endMilliseconds: Int64
    public var payload: Payload

    public init(id: String? = nil, startMilliseconds: Int64, endMilliseconds: Int64, payload: Payload) {
        self.id = id
        self.startMilliseconds = startMilliseconds
        self.endMilliseconds = endMilliseconds
        self.payload = payload
    }

    /// The cue's lines of payload, escaped so that no line is blank and none contains `-->`.
    func payloadText() -> String {
        switch payload {
        case .metadata(let value):
            return JSONWriter.render(value, pretty: false, escapingMarkup: true)
        case .text(let text):
            let normalized = text.replacingLineBreaks()
            let lines = normalized.split(separator: "\n", omittingEmptySubsequences: true)
            return lines.map { Self.escape(String($0)) }.joined(separator: "\n")
        }
    }

    /// `&`, `<` and `>` as character references: WebVTT cue text reads `<` as a tag, `&` as a
    /// reference, and `>` completes the `-->` arrow that would end the payload.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    /// CRLF and lone CR as LF.
    func replacingLineBreaks() -> String {
        var out = ""
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out += "\n"
                previousCR = true
                continue
            }
            if scalar == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
