/// One compressed packet as a demuxer or a container index reports it, in its stream's time base.
///
/// The same value comes from a demux-only scan (`av_read_frame`) and from a container's own index
/// (MP4 sample tables), so that a timeline can be built from either and the two compared.
public struct PacketRecord: Sendable, Hashable, Codable {
    public var streamIndex: Int
    /// Presentation timestamp; `nil` when the container does not give one (FFmpeg's NOPTS).
    public var pts: Int64?
    /// Decoding timestamp; `nil` when unknown.
    public var dts: Int64?
    /// Display duration in the stream's time base; 0 when unknown.
    public var duration: Int64
    /// Payload size in bytes.
    public var size: Int
    /// Byte offset in the file; `nil` when unknown.
    public var position: Int64?
    public var isKeyframe: Bool
    /// The demuxer flagged the packet as corrupt, or an index entry points past the end of file.
    public var isCorrupt: Bool
    /// The packet is decoded but not presented (FFmpeg's discard flag: encoder priming, or media
    /// before the start of an edit list).
    public var isDiscarded: Bool

    public init(streamIndex: Int, pts: Int64?, dts: Int64?, duration: Int64, size: Int,
                position: Int64?, isKeyframe: Bool, isCorrupt: Bool = false, isDiscarded: Bool = false) {
        self.streamIndex = streamIndex
        self.pts = pts
        self.dts = dts
        self.duration = duration
        self.size = size
        self.position = position
        self.isKeyframe = isKeyframe
        self.isCorrupt = isCorrupt
        self.isDiscarded = isDiscarded
    }
}
