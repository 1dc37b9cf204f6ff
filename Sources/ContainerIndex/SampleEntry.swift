/// One sample as the index lays it out, before it becomes a packet.
struct SampleEntry {
    var position: Int64
    var size: Int
    /// Decoding timestamp in the track's timescale.
    var timestamp: Int64
    /// The `ctts` offset of this sample; `nil` when the track has none or the table ran out.
    var compositionOffset: Int64?
    var isKeyframe: Bool
    /// Outside the edit list: kept for decoding, not presented.
    var isDiscarded = false
}
