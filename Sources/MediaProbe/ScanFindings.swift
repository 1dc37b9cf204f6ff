import FootageModel

/// What a scan shows about the file itself: packets that point past its end.
enum ScanFindings {
    static func warnings(_ scan: PacketScan, fileSize: Int64) -> [TimelineWarning] {
        let beyond = scan.records.filter { record in
            guard let position = record.position else { return false }
            return position + Int64(record.size) > fileSize
        }
        guard let first = beyond.first else { return [] }
        return [TimelineWarning(kind: .truncated, streamIndex: first.streamIndex,
                                message: "\(beyond.count) packets lie past the end of the file (from byte \(first.position ?? 0)): the file was cut short")]
    }
}
