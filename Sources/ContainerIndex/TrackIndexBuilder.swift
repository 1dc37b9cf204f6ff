import FootageModel

/// Turns one track's tables into the packets libavformat's mov demuxer returns for it.
enum TrackIndexBuilder {
    static func build(_ tables: TrackTables, streamIndex: Int, movieTimescale: UInt32, fileSize: Int64,
                      path: String) throws(ContainerIndexError) -> TrackIndex {
        let kind: EditListApplication.MediaKind = switch tables.handler {
        case "vide": .video
        case "soun": .audio
        default: .other
        }
        if let last = tables.sampleToChunk.last, Int(last.firstChunk) > tables.chunkOffsets.count {
            // The demuxer refuses the whole file here, so an index of it would mean nothing.
            throw .malformed(path: path, reason: "track \(tables.trackID) maps samples to chunk \(last.firstChunk) but has \(tables.chunkOffsets.count) chunks")
        }
        // libavformat falls back to the movie timescale, then to 1.
        let timescale = Int64(tables.timescale != 0 ? tables.timescale : movieTimescale != 0 ? movieTimescale : 1)
        var limitation = limitationOf(tables, kind: kind)
        let shift = SampleTableExpansion.dtsShift(tables)
        var entries: [SampleEntry] = []
        if limitation == nil {
            if isChunkedAudio(tables, kind: kind) {
                if let frameBytes = UncompressedAudioChunks.bytesPerSampleFrame(codecTag: tables.codecTag, sound: tables.sound) {
                    entries = try UncompressedAudioChunks.entries(tables, bytesPerSampleFrame: frameBytes, fileSize: fileSize, path: path)
                } else {
                    limitation = "uncompressed audio in a sample format whose packet layout is not reproduced here"
                }
            } else {
                entries = try SampleTableExpansion.entries(tables, dtsShift: shift, isAudio: kind == .audio,
                                                           fileSize: fileSize, path: path)
            }
        }

        // The stream duration the demuxer uses for the last packet: mdhd, shortened by stts.
        var streamDuration = tables.mediaDuration
        // Wrapping, as the demuxer's 64-bit sum does: a lying table must not trap.
        let sttsTotal = tables.timeToSample.reduce(Int64(0)) { $0 &+ Int64($1.count) &* Int64($1.delta) }
        if sttsTotal != 0 { streamDuration = min(streamDuration, sttsTotal) }
        var startTime: Int64 = 0
        if let edits = tables.edits, !edits.isEmpty {
            let applied = EditListApplication(
                edits: edits, movieTimescale: Int64(movieTimescale), trackTimescale: timescale,
                dtsShift: shift, kind: kind, hasCompositionTable: tables.compositionOffsets != nil
            ).apply(to: entries)
            entries = applied.entries
            startTime = applied.startTime
            if let limit = applied.durationLimit { streamDuration = min(streamDuration, limit) }
            if edits.contains(where: { $0.rate.numerator != $0.rate.denominator }) {
                limitation = limitation ?? "an edit plays at a rate other than 1, which the demuxer ignores"
            }
        }

        // What libavformat fills in for a packet the demuxer gives no duration: one frame at the
        // nominal rate for video; for compressed audio the codec's frame size, which the table's
        // delta is (this is the last packet of a track that starts after an empty edit, whose
        // stream duration ends before it).
        let frameDuration: Int64? = switch kind {
        case .video: nominalFrameDuration(tables)
        case .audio where !isChunkedAudio(tables, kind: kind): nominalFrameDuration(tables)
        case .audio, .other: nil
        }
        var packets: [PacketRecord] = []
        packets.reserveCapacity(entries.count)
        for (k, entry) in entries.enumerated() {
            var pts = entry.timestamp
            var duration: Int64 = 0
            if tables.compositionOffsets != nil, let offset = entry.compositionOffset {
                pts = entry.timestamp + shift + offset
            } else {
                let next = k + 1 < entries.count ? entries[k + 1].timestamp : streamDuration
                if next >= entry.timestamp { duration = next - entry.timestamp }
            }
            if duration == 0, let frameDuration { duration = frameDuration }
            let pastEnd = entry.position + Int64(entry.size) > fileSize
            packets.append(PacketRecord(streamIndex: streamIndex, pts: pts, dts: entry.timestamp, duration: duration,
                                        size: entry.size, position: entry.position, isKeyframe: entry.isKeyframe,
                                        isCorrupt: pastEnd, isDiscarded: entry.isDiscarded))
        }
        return TrackIndex(streamIndex: streamIndex, trackID: tables.trackID, handler: tables.handler,
                          codecTag: tables.codecTag, timeBase: Rational(1, timescale),
                          mediaDuration: tables.mediaDuration, editList: tables.edits, editStart: startTime,
                          sampleCount: tables.sampleCount, packets: packets,
                          limitation: limitation)
    }

    /// Audio whose every sample has its own time-to-sample tick: the demuxer reads it by chunk.
    private static func isChunkedAudio(_ tables: TrackTables, kind: EditListApplication.MediaKind) -> Bool {
        kind == .audio && tables.timeToSample.count == 1 && tables.timeToSample[0].delta == 1
    }

    /// Layouts the demuxer reads differently from one packet per sample.
    private static func limitationOf(_ tables: TrackTables, kind: EditListApplication.MediaKind) -> String? {
        if tables.dataIsExternal {
            return "the samples live in another file, which the demuxer does not open"
        }
        if tables.timeToSample.contains(where: { $0.delta > UInt32.max - 480_000 }) {
            return "a time-to-sample delta is negative when read as signed, which the demuxer corrects"
        }
        if tables.sampleToChunk.contains(where: { $0.firstChunk == 0 }) ||
            zip(tables.sampleToChunk, tables.sampleToChunk.dropFirst()).contains(where: { $0.firstChunk >= $1.firstChunk }) {
            return "the sample-to-chunk table is out of order"
        }
        return nil
    }

    /// The duration libavformat fills in for video packets that carry none (those with a
    /// composition offset): one frame at the stream's base frame rate, rounded down. The base
    /// rate is the time-to-sample delta when there is one, else their greatest common divisor.
    static func nominalFrameDuration(_ tables: TrackTables) -> Int64? {
        let deltas = tables.timeToSample.filter { $0.count > 0 }.map { Int64($0.delta) }
        guard let first = deltas.first, first > 0 else { return nil }
        if deltas.count == 1 || (deltas.count == 2 && tables.timeToSample.last?.count == 1) { return first }
        var divisor = first
        for delta in deltas.dropFirst() where delta > 0 {
            var a = divisor, b = delta
            while b != 0 { (a, b) = (b, a % b) }
            divisor = a
        }
        return divisor
    }
}
