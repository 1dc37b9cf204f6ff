import ContainerIndex
import FootageModel

/// How the prober uses a container's own index: read it for the mov family, and when a scan
/// runs as well, say where the two disagree.
enum ProbeIndexing {
    /// The index of an ISO BMFF file, or `nil` for other containers. A malformed index is not
    /// fatal (the scan still answers) but is reported.
    static func read(path: String, formatName: String) -> (index: ContainerIndex?, warnings: [TimelineWarning]) {
        guard formatName.split(separator: ",").contains("mov") else { return (nil, []) }
        do {
            return (try ContainerIndexReader.read(path: path), [])
        } catch {
            return (nil, [TimelineWarning(kind: .indexUnreadable, streamIndex: nil, message: error.description)])
        }
    }

    /// The packets the demuxer returns whole, from the index alone: every indexed packet when the
    /// index is complete; for a file cut after its index, those whose bytes are all still in the
    /// file. `nil` when only a scan can tell (no index, fragments, a track laid out in a way the
    /// index does not follow).
    static func packetsInFile(_ index: ContainerIndex) -> [PacketRecord]? {
        if index.isComplete { return index.tracks.flatMap(\.packets) }
        guard !index.isFragmented, !index.tracks.isEmpty, index.tracks.allSatisfy({ $0.limitation == nil }),
              let truncation = index.truncation, truncation.kind != .movieBoxMissing else { return nil }
        return index.tracks.flatMap { $0.packets.filter { !$0.isCorrupt } }
    }

    /// What a cut file has lost, per stream, as the index tells it: how many of its packets lie
    /// past the end and from which time on.
    static func truncationWarnings(_ index: ContainerIndex) -> [TimelineWarning] {
        guard let truncation = index.truncation, truncation.kind == .samplesPastEnd else { return [] }
        return truncation.missing.map { missing in
            let listed = index.tracks.first { $0.streamIndex == missing.streamIndex }?.packets.count ?? missing.count
            let from = missing.from.map { " (from pts \($0.pts) in \($0.timeBase))" } ?? ""
            return TimelineWarning(
                kind: .truncated, streamIndex: missing.streamIndex,
                message: "stream \(missing.streamIndex): the index lists \(listed) packets, \(missing.count) of them\(from) lie past the end of the file at byte \(truncation.fileSize): the file was cut short")
        }
    }

    /// One warning per stream whose indexed packets differ from the scanned ones: the counts, and
    /// the first packet that differs.
    static func disagreements(index: ContainerIndex, scanned: [PacketRecord]) -> [TimelineWarning] {
        var byStream: [Int: [PacketRecord]] = [:]
        for packet in scanned { byStream[packet.streamIndex, default: []].append(packet) }
        var warnings: [TimelineWarning] = []
        // A track whose layout the index does not reproduce has nothing to compare.
        for track in index.tracks where track.limitation == nil {
            let fromScan = byStream[track.streamIndex] ?? []
            let fromIndex = track.packets
            let common = min(fromIndex.count, fromScan.count)
            let firstDifference = (0..<common).first { !agree(fromIndex[$0], fromScan[$0]) }
                ?? (fromIndex.count == fromScan.count ? nil : common)
            guard let at = firstDifference else { continue }
            var message = "stream \(track.streamIndex): the index lists \(fromIndex.count) packets, the scan read \(fromScan.count); first difference at packet \(at)"
            if at < fromIndex.count, let pts = fromIndex[at].pts {
                message += " (index pts \(pts) in \(track.timeBase))"
            }
            warnings.append(TimelineWarning(kind: .indexDisagreement, streamIndex: track.streamIndex, message: message))
        }
        return warnings
    }

    /// Same timestamps, size, position and flags. Durations are left out: the demuxer fills some
    /// in from the frame rate it estimates.
    private static func agree(_ a: PacketRecord, _ b: PacketRecord) -> Bool {
        a.pts == b.pts && a.dts == b.dts && a.size == b.size && a.position == b.position
            && a.isKeyframe == b.isKeyframe && a.isDiscarded == b.isDiscarded
    }
}
