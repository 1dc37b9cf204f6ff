/// What the timeline builder needs: the streams' time bases and declared durations, the
/// container's start and duration, and the packets, from a demux scan or a container index.
public struct TimelineInput: Sendable, Hashable {
    public struct Stream: Sendable, Hashable {
        public var index: Int
        public var codecType: String?
        public var timeBase: Rational
        /// The header's duration in the stream's time base (ffprobe's `duration_ts`).
        public var declaredDuration: Int64?
        /// Cover art: one picture, not part of the presentation.
        public var isAttachedPicture: Bool

        public init(index: Int, codecType: String?, timeBase: Rational, declaredDuration: Int64?,
                    isAttachedPicture: Bool = false) {
            self.index = index
            self.codecType = codecType
            self.timeBase = timeBase
            self.declaredDuration = declaredDuration
            self.isAttachedPicture = isAttachedPicture
        }
    }

    public var source: Timeline.Source
    public var streams: [Stream]
    /// The container's start time and duration in microseconds (FFmpeg's `AV_TIME_BASE`).
    public var containerStartMicroseconds: Int64?
    public var containerDurationMicroseconds: Int64?
    public var rotation: Int?
    /// Container tags, then the first video stream's tags for keys the container lacks: where
    /// `creation_time` and the location are read.
    public var tags: [String: String]
    /// Packets in the order the container stores them (decode order per stream).
    public var packets: [PacketRecord]
    /// The scan stopped at its packet limit, so later packets are missing.
    public var stoppedAtLimit: Bool

    public init(source: Timeline.Source, streams: [Stream], containerStartMicroseconds: Int64?,
                containerDurationMicroseconds: Int64?, rotation: Int?, tags: [String: String] = [:],
                packets: [PacketRecord], stoppedAtLimit: Bool = false) {
        self.source = source
        self.streams = streams
        self.containerStartMicroseconds = containerStartMicroseconds
        self.containerDurationMicroseconds = containerDurationMicroseconds
        self.rotation = rotation
        self.tags = tags
        self.packets = packets
        self.stoppedAtLimit = stoppedAtLimit
    }

    /// Takes the streams, container times and rotation from a probe record's `format` and
    /// `streams`, so that packets from any source (scan or index) can be laid on them.
    public init(probe: ProbeRecord, packets: [PacketRecord], source: Timeline.Source, stoppedAtLimit: Bool = false) {
        let streams = probe.streams.map { stream in
            Stream(index: stream.index, codecType: stream.codecType, timeBase: stream.timeBase,
                   declaredDuration: stream.durationTs,
                   isAttachedPicture: stream.disposition["attached_pic"] == 1)
        }
        self.init(source: source, streams: streams,
                  containerStartMicroseconds: probe.format.startTime.flatMap(Self.microseconds),
                  containerDurationMicroseconds: probe.format.duration.flatMap(Self.microseconds),
                  rotation: probe.primaryVideoStream?.displayMatrixRotation,
                  tags: (probe.format.tags ?? [:]).merging(probe.primaryVideoStream?.tags ?? [:]) { container, _ in container },
                  packets: packets, stoppedAtLimit: stoppedAtLimit)
    }

    /// ffprobe prints container times from microseconds with six decimals, so this is exact.
    static func microseconds(_ text: String) -> Int64? {
        guard let seconds = Double(text) else { return nil }
        return Int64((seconds * 1_000_000).rounded())
    }
}
