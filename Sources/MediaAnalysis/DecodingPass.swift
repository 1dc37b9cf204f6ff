/// One stream of a clip analysis, decoded as its packets are read: each packet goes to the
/// decoder and every frame it gives back is taken at once.
protocol DecodingPass {
    var streamIndex: Int32 { get }
    var decoder: Decoder { get }
    /// Takes every frame the decoder has ready.
    mutating func drain() throws(AnalysisError)
}

extension DecodingPass {
    mutating func feed(_ packet: LibavPacket) throws(AnalysisError) {
        _ = try decoder.send(packet)
        try drain()
    }

    /// Drains the decoder at the end of the stream.
    mutating func drainToEnd() throws(AnalysisError) {
        _ = try decoder.send(nil)
        try drain()
    }
}
