import ContainerIndex
import FootageModel

/// What a scan shows about the file itself: a read that failed before the end, packets that
/// point past the end, fewer packets than the header declares.
enum ScanFindings {
    /// - Parameter index: the file's own index, when it has one: its packet counts are what the
    ///   demuxer presents after the edit list, so an edit that drops trailing samples is not
    ///   taken for a cut. The header's `nb_frames` counts every sample in the table.
    static func warnings(_ scan: PacketScan, fileSize: Int64, format: ProbeFormat, streams: [ProbeStream],
                         index: ContainerIndex? = nil) -> [TimelineWarning] {
        var warnings: [TimelineWarning] = []
        if let error = scan.readError {
            let lastByte = scan.records.compactMap { record in record.position.map { $0 + Int64(record.size) } }.max() ?? 0
            warnings.append(TimelineWarning(kind: .readError, streamIndex: nil,
                                            message: "reading stopped after byte \(lastByte) of \(fileSize): \(error.function): \(error.message)"))
        }
        let beyond = scan.records.filter { record in
            guard let position = record.position else { return false }
            return position + Int64(record.size) > fileSize
        }
        if let first = beyond.first {
            warnings.append(TimelineWarning(kind: .truncated, streamIndex: first.streamIndex,
                                            message: "\(beyond.count) packets lie past the end of the file (from byte \(first.position ?? 0)): the file was cut short"))
        }
        // Only ISO BMFF headers count packets (one per sample table entry); AVI counts PCM samples.
        guard !scan.stoppedAtLimit, format.formatName.hasPrefix("mov,") else { return warnings }
        var counts: [Int: Int] = [:]
        for record in scan.records { counts[record.streamIndex, default: 0] += 1 }
        let indexed = index.map { index in
            Dictionary(index.tracks.filter { $0.limitation == nil && !index.isFragmented }.map { ($0.streamIndex, $0) },
                       uniquingKeysWith: { first, _ in first })
        } ?? [:]
        for stream in streams {
            // PCM in MOV is demuxed in chunks of many samples: its count is not a packet count.
            guard stream.codecName?.hasPrefix("pcm_") != true,
                  let declared = stream.nbFrames.flatMap(Int.init), declared > 0 else { continue }
            let found = counts[stream.index] ?? 0
            if let track = indexed[stream.index] {
                // Presented against presented: the packets the index says the demuxer returns after
                // the edit list (those past the end of a cut file included: the scan cannot read them).
                let presented = track.packets.count
                if found < presented {
                    warnings.append(TimelineWarning(kind: .truncated, streamIndex: stream.index,
                                                    message: "stream \(stream.index): the index presents \(presented) of the \(declared) frames in its table, the file holds \(found): it may be cut short"))
                }
            } else if found < declared {
                warnings.append(TimelineWarning(kind: .truncated, streamIndex: stream.index,
                                                message: "stream \(stream.index): the header declares \(declared) frames, the file holds \(found): it may be cut short"))
            }
        }
        return warnings
    }
}
