/// What a probe found in one clip: ffprobe's `format` and `streams` blocks (same field names and
/// value conventions), plus a `timeline` ffprobe does not give and a `tool` block saying how it
/// was measured.
public struct ProbeRecord: Sendable, Hashable, Codable {
    public var format: ProbeFormat
    public var streams: [ProbeStream]
    public var timeline: Timeline?
    public var tool: ProbeTool?

    public init(format: ProbeFormat, streams: [ProbeStream], timeline: Timeline? = nil, tool: ProbeTool? = nil) {
        self.format = format
        self.streams = streams
        self.timeline = timeline
        self.tool = tool
    }

    /// The first video stream that is not an attached picture (cover art), if any.
    public var primaryVideoStream: ProbeStream? {
        streams.first { $0.codecType == "video" && $0.disposition["attached_pic"] != 1 }
    }

    /// The first audio stream, if any.
    public var primaryAudioStream: ProbeStream? {
        streams.first { $0.codecType == "audio" }
    }
}
