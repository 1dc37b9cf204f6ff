/// Applies an edit list to a track's sample entries the way libavformat's mov demuxer does with
/// its default `advanced_editlist` behaviour, so that the resulting timestamps, discard marks and
/// dropped samples match what `av_read_frame` returns.
///
/// In short: each non-empty edit selects media time [mediaTime, mediaTime + duration). Decoding
/// starts from the last key sample presented at or before the edit's start (a second earlier for
/// audio, whose decoders need pre-roll); samples presented outside the edit are kept but marked
/// discarded; the walk stops at the first key sample past the edit's end (the second one for
/// video with composition offsets, whose trailing B-frames may still belong to the edit).
/// Decode times are renumbered from where the edit sits on the presentation timeline.
/// Arithmetic on edit values wraps, as the demuxer's does, so that a lying edit list cannot trap.
struct EditListApplication {
    enum MediaKind { case video, audio, other }

    struct Result {
        var entries: [SampleEntry]
        /// Sum of leading empty edits, in the track timescale (the stream's start time).
        var startTime: Int64
        /// The edit list's total length, when it shortens the stream.
        var durationLimit: Int64?
    }

    let edits: [EditListEntry]
    let movieTimescale: Int64
    let trackTimescale: Int64
    let dtsShift: Int64
    let kind: MediaKind
    let hasCompositionTable: Bool

    func apply(to old: [SampleEntry]) -> Result {
        guard !edits.isEmpty, !old.isEmpty else { return Result(entries: old, startTime: 0, durationLimit: nil) }
        var out: [SampleEntry] = []
        out.reserveCapacity(old.count)
        var entryEnd = -dtsShift
        let startDTS = entryEnd
        var emptyEditsSum: Int64 = 0
        var foundNonEmptyEdit = false
        var minCorrectedPTS: Int64 = -1
        var firstNonZeroAudioEdit = -1

        for edit in edits {
            guard movieTimescale != 0 else { break }
            var duration = Self.rescaleRounded(edit.segmentDuration, trackTimescale, movieTimescale)
            if duration.addingReportingOverflow(max(edit.mediaTime, 0)).overflow { duration = 0 }
            var counter = entryEnd
            let (sum, overflow) = entryEnd.addingReportingOverflow(duration)
            guard !overflow else { break }
            entryEnd = sum
            if !foundNonEmptyEdit && edit.mediaTime == -1 {
                emptyEditsSum = emptyEditsSum &+ duration
                continue
            }
            foundNonEmptyEdit = true
            if kind == .audio { firstNonZeroAudioEdit = firstNonZeroAudioEdit < 0 ? 1 : 0 }

            var search = edit.mediaTime
            if kind == .audio { search = max(search &- trackTimescale, old[0].timestamp) }
            var index = previousKeySample(in: old, presentedBy: search, anySample: false)
                ?? previousKeySample(in: old, presentedBy: search, anySample: true) ?? 0

            var startEncountered = false
            var foundKeyAfterEdit = false
            var discardedBeforeStart: [Int64] = []
            let editEnd = duration &+ edit.mediaTime
            while index < old.count {
                defer { index += 1 }
                var entry = old[index]
                let frameDuration = index + 1 < old.count ? old[index + 1].timestamp &- entry.timestamp : duration
                let offset = entry.compositionOffset ?? 0
                let cts = entry.timestamp &+ dtsShift &+ offset

                if cts < edit.mediaTime || cts >= editEnd {
                    if kind == .audio, cts < edit.mediaTime, cts &+ frameDuration > edit.mediaTime, firstNonZeroAudioEdit > 0 {
                        // The sample straddles the edit start: kept whole, decoder skips the head.
                        counter = counter &- (edit.mediaTime &- cts)
                        if !startEncountered {
                            startEncountered = true
                            Self.renumber(&out, endingAt: counter, durations: discardedBeforeStart)
                            discardedBeforeStart = []
                        }
                    } else {
                        entry.isDiscarded = true
                        if !startEncountered { discardedBeforeStart.append(frameDuration) }
                    }
                } else {
                    let corrected = counter &+ offset &+ dtsShift
                    minCorrectedPTS = minCorrectedPTS < 0 ? corrected : min(minCorrectedPTS, corrected)
                    if !startEncountered {
                        startEncountered = true
                        Self.renumber(&out, endingAt: counter, durations: discardedBeforeStart)
                        discardedBeforeStart = []
                    }
                }
                entry.timestamp = counter
                out.append(entry)
                if startEncountered { counter = counter &+ frameDuration }

                if cts &+ frameDuration >= editEnd && (entry.isKeyframe || kind == .audio) {
                    if hasCompositionTable && kind != .audio && !foundKeyAfterEdit {
                        foundKeyAfterEdit = true
                        continue
                    }
                    break
                }
            }
        }
        minCorrectedPTS = minCorrectedPTS &- emptyEditsSum
        if kind == .video && minCorrectedPTS > 0 {
            for i in out.indices { out[i].timestamp = out[i].timestamp &- minCorrectedPTS }
        }
        return Result(entries: out, startTime: emptyEditsSum, durationLimit: entryEnd &- startDTS)
    }

    /// The last key sample whose presentation time is at or before `time` (libavformat's
    /// backward index search on decode times, refined over composition offsets).
    private func previousKeySample(in entries: [SampleEntry], presentedBy time: Int64, anySample: Bool) -> Int? {
        let target = dtsShift > 0 ? time - dtsShift : time
        // Last entry whose decode time is at or before the target.
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].timestamp <= target { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        guard index >= 0 else { return nil }
        if !anySample {
            while index >= 0 && !entries[index].isKeyframe { index -= 1 }
            guard index >= 0 else { return nil }
        }
        var i = index
        while i > 0 && entries[i].timestamp == entries[i - 1].timestamp {
            if anySample || entries[i - 1].isKeyframe { index = i - 1 }
            i -= 1
        }
        guard hasCompositionTable else { return index }
        while index >= 0, let offset = entries[index].compositionOffset {
            if entries[index].timestamp + offset <= target && entries[index].isKeyframe { break }
            index -= 1
        }
        return index >= 0 ? index : nil
    }

    /// Gives the samples discarded before an edit's start decode times that count back from
    /// `end`, so that timestamps keep increasing.
    private static func renumber(_ entries: inout [SampleEntry], endingAt end: Int64, durations: [Int64]) {
        var time = end
        for (k, duration) in durations.reversed().enumerated() {
            time = time &- duration
            entries[entries.count - 1 - k].timestamp = time
        }
    }

    /// `value * num / den` rounded to nearest, halves away from zero (libavutil's `av_rescale`).
    static func rescaleRounded(_ value: Int64, _ num: Int64, _ den: Int64) -> Int64 {
        guard den != 0 else { return 0 }
        let product = value.multipliedFullWidth(by: num)
        let negative = (product.high < 0) != (den < 0)
        let magnitudeDen = den.magnitude
        var high = UInt64(bitPattern: product.high), low = product.low
        if product.high < 0 {
            high = ~high; low = ~low
            let (sum, carry) = low.addingReportingOverflow(1)
            low = sum
            if carry { high &+= 1 }
        }
        guard high < magnitudeDen else { return negative ? Int64.min : Int64.max }
        var (quotient, remainder) = magnitudeDen.dividingFullWidth((high: high, low: low))
        if remainder >= magnitudeDen - remainder { quotient += 1 }
        guard quotient <= UInt64(Int64.max) else { return negative ? Int64.min : Int64.max }
        return negative ? -Int64(quotient) : Int64(quotient)
    }
}
