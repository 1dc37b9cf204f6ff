/// One stream's packets turned into its timeline summary and warnings.
struct StreamTimeline {
    let summary: TimelineStream
    let warnings: [TimelineWarning]
    /// First to last presented packet, including the last packet's duration, in ticks.
    let presentedSpan: Int64?
    /// Where the last presented packet ends.
    let presentedEnd: MediaTime?

    init(info: TimelineInput.Stream, packets: [PacketRecord]) {
        let timeBase = info.timeBase
        let isVideo = info.codecType == "video" && !info.isAttachedPicture
        var warnings: [TimelineWarning] = []

        let presented = packets.filter { !$0.isDiscarded && $0.pts != nil }
            .sorted { ($0.pts ?? 0, $0.dts ?? 0) < ($1.pts ?? 0, $1.dts ?? 0) }
        let missing = packets.count(where: { !$0.isDiscarded && $0.pts == nil })
        if missing > 0 {
            warnings.append(TimelineWarning(kind: .missingTimestamps, streamIndex: info.index,
                                            message: "stream \(info.index): \(missing) packets carry no presentation timestamp and are left out of the presented counts (usual in MPEG program and transport streams)"))
        }
        let corrupt = packets.count(where: \.isCorrupt)
        if corrupt > 0 {
            warnings.append(TimelineWarning(kind: .corruptPackets, streamIndex: info.index,
                                            message: "stream \(info.index): \(corrupt) packets are flagged corrupt"))
        }

        let first = presented.first
        let last = presented.last
        let keyframes = presented.filter(\.isKeyframe)
        var span: Int64?
        var end: MediaTime?
        if let first, let last, let firstPts = first.pts, let lastPts = last.pts {
            span = lastPts + last.duration - firstPts
            end = MediaTime(pts: lastPts + last.duration, timeBase: timeBase)
        }

        var interval: FrameIntervalRange?
        var variable = false
        if isVideo {
            let times = presented.compactMap(\.pts)
            var minimum = Int64.max
            var maximum = Int64.min
            for (earlier, later) in zip(times, times.dropFirst()) where later > earlier {
                minimum = min(minimum, later - earlier)
                maximum = max(maximum, later - earlier)
            }
            if minimum <= maximum {
                interval = FrameIntervalRange(minTicks: minimum, maxTicks: maximum, timeBase: timeBase)
                variable = Self.isVariable(minimum: minimum, maximum: maximum)
            }
            if variable, let interval {
                warnings.append(TimelineWarning(kind: .variableFrameRate, streamIndex: info.index,
                                                message: "stream \(info.index): variable frame rate, frame intervals from \(TimelineBuilder.formatSeconds(interval.minSeconds)) s to \(TimelineBuilder.formatSeconds(interval.maxSeconds)) s"))
            }
        }

        let gaps = Self.presentationGaps(presented, timeBase: timeBase) + Self.backwardSteps(packets, timeBase: timeBase)
        if !gaps.isEmpty {
            let holes = gaps.count(where: { $0.kind == .gap })
            let backwards = gaps.count - holes
            if holes > 0 {
                warnings.append(TimelineWarning(kind: .timestampGap, streamIndex: info.index,
                                                message: "stream \(info.index): \(holes) gaps in presentation timestamps"))
            }
            if backwards > 0 {
                warnings.append(TimelineWarning(kind: .discontinuity, streamIndex: info.index,
                                                message: "stream \(info.index): decode timestamps go backwards \(backwards) times"))
            }
        }

        summary = TimelineStream(
            index: info.index, codecType: info.codecType, timeBase: timeBase,
            packetCount: packets.count, frameCount: presented.count, keyframeCount: keyframes.count,
            firstPresented: first?.pts.map { TimelinePoint(streamIndex: info.index, time: MediaTime(pts: $0, timeBase: timeBase)) },
            lastPresented: last?.pts.map { TimelinePoint(streamIndex: info.index, time: MediaTime(pts: $0, timeBase: timeBase)) },
            firstFrameDuration: first.map(\.duration).flatMap { $0 > 0 ? $0 : nil },
            keyframeTimes: isVideo ? keyframes.compactMap { $0.pts.map { MediaTime(pts: $0, timeBase: timeBase).seconds } } : nil,
            frameInterval: interval, variableFrameRate: variable,
            gaps: Array(gaps.prefix(TimelineBuilder.maxListedGaps)))
        self.warnings = warnings
        presentedSpan = span
        presentedEnd = end
    }

    /// Timestamps in a coarse time base (1/1000 for Matroska) jitter by one tick at a constant
    /// rate; more than that, and more than 5 % of the shortest interval, is a variable rate.
    static func isVariable(minimum: Int64, maximum: Int64) -> Bool {
        let spread = maximum - minimum
        return spread > 1 && spread * 20 > minimum
    }

    /// Holes where presentation resumes later than the previous packet ends, by more than half
    /// that packet's duration. Packets without a duration are not judged.
    static func presentationGaps(_ presented: [PacketRecord], timeBase: Rational) -> [TimestampGap] {
        var gaps: [TimestampGap] = []
        for (earlier, later) in zip(presented, presented.dropFirst()) {
            guard let start = earlier.pts, let next = later.pts, earlier.duration > 0 else { continue }
            let end = start + earlier.duration
            if next - end > max(1, earlier.duration / 2) {
                gaps.append(TimestampGap(kind: .gap, from: end, to: next, timeBase: timeBase))
            }
        }
        return gaps
    }

    /// Decode timestamps that repeat or go backwards, in storage order.
    static func backwardSteps(_ packets: [PacketRecord], timeBase: Rational) -> [TimestampGap] {
        var steps: [TimestampGap] = []
        var previous: Int64?
        for packet in packets {
            guard let dts = packet.dts else { continue }
            if let previous, dts <= previous {
                steps.append(TimestampGap(kind: .backwards, from: previous, to: dts, timeBase: timeBase))
            }
            previous = dts
        }
        return steps
    }
}
