/// Expands a track's run-length tables into one entry per sample, the way libavformat's mov
/// demuxer builds its index: decode times accumulate `stts` from `-dtsShift`, chunks are filled
/// in `stco` order by `stsc` runs, and `stss` marks sync samples.
enum SampleTableExpansion {
    /// A ceiling on samples per track, far above any real recording (over 90 hours at 60 fps).
    static let maximumSamples = 20_000_000

    /// The amount libavformat lowers every decode time by so that negative `ctts` offsets never
    /// make a presentation time precede its decode time. Only runs before the last two count.
    static func dtsShift(_ tables: TrackTables) -> Int64 {
        guard let runs = tables.compositionOffsets else { return 0 }
        var shift: Int64 = 0
        for (i, run) in runs.enumerated() where run.count > 0 && i + 2 < runs.count && run.offset < 0 {
            shift = max(shift, -Int64(run.offset == Int32.min ? Int32.min + 1 : run.offset))
        }
        return shift
    }

    static func entries(_ tables: TrackTables, dtsShift: Int64, isAudio: Bool, fileSize: Int64,
                        path: String) throws(ContainerIndexError) -> [SampleEntry] {
        let count = tables.sampleCount
        guard count > 0, !tables.chunkOffsets.isEmpty, !tables.sampleToChunk.isEmpty,
              !tables.timeToSample.isEmpty else { return [] }
        guard count <= maximumSamples else {
            throw .tooLarge(path: path, reason: "track \(tables.trackID) declares \(count) samples, more than \(maximumSamples)")
        }
        // A constant-size table carries no per-sample bytes, so its count is checked against what
        // the chunks can hold instead.
        if tables.constantSampleSize > 0 {
            var capacity = 0
            for (i, run) in tables.sampleToChunk.enumerated() {
                let first = Int(run.firstChunk)
                let next = i + 1 < tables.sampleToChunk.count ? Int(tables.sampleToChunk[i + 1].firstChunk) : tables.chunkOffsets.count + 1
                let chunks = max(0, min(next, tables.chunkOffsets.count + 1) - first)
                let (product, overflow) = chunks.multipliedReportingOverflow(by: Int(run.samplesPerChunk))
                capacity = overflow ? Int.max : capacity.addingReportingOverflow(product).overflow ? Int.max : capacity + product
            }
            guard count <= capacity else {
                throw .malformed(path: path, reason: "track \(tables.trackID) declares \(count) samples but its chunks hold \(capacity)")
            }
            // Nor may a few bytes of table stand for far more sample bytes than the file has
            // (a quarter of them may be missing from a cut file; beyond that it is a lie).
            let backed = max(fileSize / Int64(tables.constantSampleSize) * 4, 1_000_000)
            guard Int64(count) <= backed else {
                throw .tooLarge(path: path, reason: "track \(tables.trackID) declares \(count) samples of \(tables.constantSampleSize) bytes in a file of \(fileSize) bytes")
            }
        }

        let compositionOffsets = expandedCompositionOffsets(tables, limit: count)
        let syncSamples = tables.syncSamples
        // libavformat reads stss numbers as 1-based unless the first one is 0.
        let keyOffset: UInt32 = (syncSamples?.first ?? 0) > 0 ? 1 : 0
        var syncIndex = 0
        var entries: [SampleEntry] = []
        entries.reserveCapacity(count)
        var dts = -dtsShift
        var sttsIndex = 0
        var sttsUsed: UInt32 = 0
        var stscIndex = 0
        var sample = 0

        chunks: for (chunkIndex, chunkOffset) in tables.chunkOffsets.enumerated() {
            while stscIndex + 1 < tables.sampleToChunk.count,
                  Int(tables.sampleToChunk[stscIndex + 1].firstChunk) == chunkIndex + 1 {
                stscIndex += 1
            }
            var offset = chunkOffset
            let perChunk = tables.sampleToChunk[stscIndex].samplesPerChunk
            var j: UInt32 = 0
            while j < perChunk {
                guard sample < count else { break chunks }
                var isKey: Bool
                if let syncSamples {
                    if syncSamples.isEmpty {
                        isKey = isAudio || sample == 0
                    } else {
                        isKey = syncIndex < syncSamples.count && UInt32(truncatingIfNeeded: sample) &+ keyOffset == syncSamples[syncIndex]
                        if isKey, syncIndex + 1 < syncSamples.count { syncIndex += 1 }
                    }
                } else {
                    isKey = true
                }
                let size = tables.constantSampleSize > 0 ? tables.constantSampleSize : tables.sampleSizes[sample]
                guard size <= 0x3FFF_FFFF, offset <= Int64.max - Int64(size) else {
                    throw .malformed(path: path, reason: "track \(tables.trackID) sample \(sample + 1) has an impossible size \(size) at offset \(offset)")
                }
                entries.append(SampleEntry(position: offset, size: Int(size), timestamp: dts,
                                           compositionOffset: sample < compositionOffsets.count ? compositionOffsets[sample] : nil,
                                           isKeyframe: isKey))
                offset += Int64(size)
                dts += Int64(tables.timeToSample[sttsIndex].delta)
                sttsUsed += 1
                if sttsIndex + 1 < tables.timeToSample.count, sttsUsed == tables.timeToSample[sttsIndex].count {
                    sttsUsed = 0
                    sttsIndex += 1
                }
                sample += 1
                j += 1
            }
        }
        return entries
    }

    /// One composition offset per sample, as far as the runs reach (runs with a count of zero
    /// or less are skipped, as libavformat does).
    private static func expandedCompositionOffsets(_ tables: TrackTables, limit: Int) -> [Int64] {
        guard let runs = tables.compositionOffsets else { return [] }
        var offsets: [Int64] = []
        offsets.reserveCapacity(limit)
        for run in runs where run.count > 0 {
            let take = min(Int(run.count), limit - offsets.count)
            offsets.append(contentsOf: repeatElement(Int64(run.offset), count: take))
            if offsets.count == limit { break }
        }
        return offsets
    }
}
