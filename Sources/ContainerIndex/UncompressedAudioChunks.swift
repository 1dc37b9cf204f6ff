/// Uncompressed audio whose time-to-sample table counts single samples: libavformat's mov
/// demuxer does not return one packet per sample but cuts each chunk into packets of up to 1024
/// samples. This lays out the same packets.
enum UncompressedAudioChunks {
    /// Packets of at most this many samples.
    static let samplesPerPacket = 1024

    /// Bytes per sample frame (all channels), as the demuxer derives it from the sample
    /// description's format; `nil` for formats it is not derived for here.
    static func bytesPerSampleFrame(codecTag: String?, sound: SoundDescription?) -> Int? {
        guard let codecTag, let sound, sound.version <= 1, sound.samplesPerFrame <= 1, sound.channels > 0 else { return nil }
        let bits: Int
        switch codecTag {
        case "twos", "sowt": bits = sound.bitsPerSample == 8 ? 8 : 16
        case "raw ", "ulaw", "alaw": bits = 8
        case "in24": bits = 24
        case "in32", "fl32": bits = 32
        case "fl64": bits = 64
        default: return nil
        }
        return bits / 8 * Int(sound.channels)
    }

    static func entries(_ tables: TrackTables, bytesPerSampleFrame: Int, fileSize: Int64,
                        path: String) throws(ContainerIndexError) -> [SampleEntry] {
        guard !tables.chunkOffsets.isEmpty, !tables.sampleToChunk.isEmpty else { return [] }
        // Count first, so that a lying chunk map cannot make us allocate: the packets' bytes must
        // mostly lie in the file (a quarter of them may be missing from a cut file).
        var packets = 0
        var bytes: Int64 = 0
        var run = 0
        for chunk in 0..<tables.chunkOffsets.count {
            if run + 1 < tables.sampleToChunk.count, Int(tables.sampleToChunk[run + 1].firstChunk) == chunk + 1 { run += 1 }
            let samples = Int(tables.sampleToChunk[run].samplesPerChunk)
            packets += (samples + samplesPerPacket - 1) / samplesPerPacket
            bytes += Int64(samples) * Int64(bytesPerSampleFrame)
            guard packets <= SampleTableExpansion.maximumSamples, bytes <= fileSize * 4 + (1 << 20) else {
                throw .tooLarge(path: path, reason: "track \(tables.trackID) maps more audio into its chunks than the file holds")
            }
        }

        var entries: [SampleEntry] = []
        entries.reserveCapacity(packets)
        var dts: Int64 = 0
        run = 0
        for (chunk, chunkOffset) in tables.chunkOffsets.enumerated() {
            // One step per chunk, as the demuxer does here.
            if run + 1 < tables.sampleToChunk.count, Int(tables.sampleToChunk[run + 1].firstChunk) == chunk + 1 { run += 1 }
            var remaining = Int(tables.sampleToChunk[run].samplesPerChunk)
            var offset = chunkOffset
            while remaining > 0 {
                let samples = min(samplesPerPacket, remaining)
                let size = samples * bytesPerSampleFrame
                guard size <= 0x3FFF_FFFF, offset <= Int64.max - Int64(size) else {
                    throw .malformed(path: path, reason: "track \(tables.trackID) chunk \(chunk + 1) has an impossible size")
                }
                entries.append(SampleEntry(position: offset, size: size, timestamp: dts, compositionOffset: nil, isKeyframe: true))
                offset += Int64(size)
                dts += Int64(samples)
                remaining -= samples
            }
        }
        return entries
    }
}
