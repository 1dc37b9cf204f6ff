internal import CFFmpeg
import ContainerIndex
public import FootageModel

/// Reads what is really in a clip with libavformat/libavcodec, in ffprobe's vocabulary, plus a
/// timeline from the container's own index (MP4/MOV) or a demux-only scan. Every call opens the
/// file afresh and shares nothing with other calls, so calls on different threads are independent.
public enum Prober {
    /// Probes one file: `format` and `streams` as ffprobe prints them, a `timeline` and a `tool` block.
    ///
    /// - Parameter forceScan: scan packets even where a container index could answer, and report
    ///   where the index and the scan disagree. Without it, an MP4/MOV whose own index is complete
    ///   is not scanned: the timeline comes from its sample tables.
    public static func probe(path: String, limits: ProbeLimits = .default, forceScan: Bool = false,
                             toolVersion: String = ProbeTool.footageVersion) throws(ProbeError) -> ProbeRecord {
        let size = try PathCheck.regularFileSize(path)
        let format = try open(path, limits: limits)
        var record = try describe(format, path: path, limits: limits)
        let (index, indexWarnings) = ProbeIndexing.read(path: path, formatName: record.format.formatName)
        var timeline: Timeline
        if let index, !forceScan, let packets = ProbeIndexing.packetsInFile(index) {
            // A cut file whose index survived is answered from the index too: it says which
            // samples are still in the file and which are gone, so reading the rest adds nothing.
            timeline = TimelineBuilder.build(TimelineInput(probe: record, packets: packets, source: .containerIndex))
            timeline.warnings += ProbeIndexing.truncationWarnings(index)
        } else {
            let scan: PacketScan
            do {
                scan = try PacketScan.run(format, limit: limits.maxScanPackets, listing: false)
            } catch {
                throw ProbeError(reason: .corrupt, path: path, failure: error)
            }
            timeline = TimelineBuilder.build(TimelineInput(probe: record, packets: scan.records, source: .scan,
                                                           stoppedAtLimit: scan.stoppedAtLimit))
            timeline.warnings += ScanFindings.warnings(scan, fileSize: size, format: record.format, streams: record.streams,
                                                       index: index)
            if let index, !index.isFragmented, !scan.stoppedAtLimit {
                timeline.warnings += ProbeIndexing.disagreements(index: index, scanned: scan.records)
            }
        }
        timeline.warnings += indexWarnings
        timeline.hasC2PAManifest = index?.hasC2PAManifest
        timeline.truncation = index?.truncation
        record.timeline = timeline
        record.tool = ProbeTool(version: toolVersion, libavformat: LibraryVersions.avformat,
                                libavcodec: LibraryVersions.avcodec, libavutil: LibraryVersions.avutil,
                                limits: limits.record)
        return record
    }

    /// Every packet as `ffprobe -show_packets` lists it, in the demuxer's order: from the
    /// container's own index when it lists every packet (MP4/MOV sample tables), else from a
    /// demux scan. Both give the same entries.
    ///
    /// - Parameter forceScan: demux the file even when the index could answer.
    public static func packets(path: String, limits: ProbeLimits = .default,
                               forceScan: Bool = false) throws(ProbeError) -> [PacketListingEntry] {
        _ = try PathCheck.regularFileSize(path)
        let format = try open(path, limits: limits)
        if !forceScan, let listing = IndexedPacketListing.listing(format, path: path, limit: limits.maxScanPackets) {
            return listing
        }
        try findStreamInfo(format, path: path, limits: limits)
        do {
            return try PacketScan.run(format, limit: limits.maxScanPackets, listing: true).listing
        } catch {
            throw ProbeError(reason: .corrupt, path: path, failure: error)
        }
    }

    /// Every decoded audio and video frame as `ffprobe -show_frames` lists it.
    public static func frames(path: String, limits: ProbeLimits = .default) throws(ProbeError) -> [FrameListingEntry] {
        _ = try PathCheck.regularFileSize(path)
        let format = try open(path, limits: limits)
        try findStreamInfo(format, path: path, limits: limits)
        return try FrameScan.run(format, path: path, limits: limits)
    }

    /// The `format` and `streams` blocks of an opened container.
    static func describe(_ format: FormatContext, path: String, limits: ProbeLimits) throws(ProbeError) -> ProbeRecord {
        try findStreamInfo(format, path: path, limits: limits)
        var streams: [ProbeStream] = []
        for index in 0..<format.streamCount {
            // A stream without a usable decoder still gets its container fields, as in ffprobe.
            let decoder = format.stream(at: index).flatMap { stream in
                try? DecoderContext(stream: stream, maxPixels: limits.maxPixels)
            }
            if let stream = StreamDescription.read(format, index: index, decoder: decoder) { streams.append(stream) }
        }
        return ProbeRecord(format: FormatDescription.read(format, path: path), streams: streams)
    }

    package static func open(_ path: String, limits: ProbeLimits) throws(ProbeError) -> FormatContext {
        do {
            return try FormatContext(path: path, limits: limits)
        } catch {
            throw OpenFailure.classify(error, path: path)
        }
    }

    package static func findStreamInfo(_ format: FormatContext, path: String, limits: ProbeLimits) throws(ProbeError) {
        do {
            try format.findStreamInfo(maxPixels: limits.maxPixels)
        } catch {
            throw ProbeError(reason: error.isPOSIX(ENOMEM) ? .limitExceeded : .corrupt, path: path, failure: error)
        }
    }
}
