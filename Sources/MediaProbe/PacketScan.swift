internal import CFFmpeg
import FootageModel

/// A demux-only pass over a container (`av_read_frame`, nothing decoded): every packet's
/// timestamps, size, position and flags.
struct PacketScan {
    var records: [PacketRecord] = []
    var listing: [PacketListingEntry] = []
    /// The scan stopped at `ProbeLimits.maxScanPackets`.
    var stoppedAtLimit = false
    /// The read error that ended the scan before the end of the file (a cut or damaged file);
    /// the packets read until then are kept, as ffprobe lists them.
    var readError: FFmpegError?

    /// - Parameter listing: also build ffprobe's `-show_packets` entries (costs strings per packet).
    static func run(_ format: FormatContext, limit: Int, listing: Bool) throws(FFmpegError) -> PacketScan {
        var scan = PacketScan()
        do {
            try scan.read(format, limit: limit, listing: listing)
        } catch where error.function == "av_read_frame" {
            scan.readError = error
        }
        return scan
    }

    private mutating func read(_ format: FormatContext, limit: Int, listing: Bool) throws(FFmpegError) {
        let packet = try PacketBuffer()
        let types = Self.mediaTypes(format)
        let timeBases = Self.timeBases(format)
        records.reserveCapacity(1024)
        defer { av_packet_unref(packet.pointer) }
        while try packet.read(from: format) {
            if records.count >= limit {
                stoppedAtLimit = true
                break
            }
            let p = packet.pointer.pointee
            let index = Int(p.stream_index)
            let record = PacketRecord(
                streamIndex: index, pts: FFprobeText.timestamp(p.pts), dts: FFprobeText.timestamp(p.dts),
                duration: p.duration, size: Int(p.size), position: p.pos >= 0 ? p.pos : nil,
                isKeyframe: p.flags & AV_PKT_FLAG_KEY != 0, isCorrupt: p.flags & AV_PKT_FLAG_CORRUPT != 0,
                isDiscarded: p.flags & AV_PKT_FLAG_DISCARD != 0)
            records.append(record)
            if listing, index < timeBases.count {
                self.listing.append(Self.entry(record, type: types[index], timeBase: timeBases[index]))
            }
        }
    }

    /// Each stream's media type as ffprobe names it (`video`, `audio`, …).
    static func mediaTypes(_ format: FormatContext) -> [String?] {
        (0..<format.streamCount).map { index in
            format.stream(at: index).flatMap { stream in
                stream.pointee.codecpar.flatMap { FFprobeText.string(av_get_media_type_string($0.pointee.codec_type)) }
            }
        }
    }

    /// Each stream's time base.
    static func timeBases(_ format: FormatContext) -> [AVRational] {
        (0..<format.streamCount).map { format.stream(at: $0)?.pointee.time_base ?? AVRational(num: 0, den: 1) }
    }

    /// One packet as `ffprobe -show_packets` prints it.
    static func entry(_ record: PacketRecord, type: String?, timeBase: AVRational) -> PacketListingEntry {
        let nopts = footage_nopts_value()
        return PacketListingEntry(
            codecType: type, streamIndex: record.streamIndex,
            pts: record.pts, ptsTime: FFprobeText.time(record.pts ?? nopts, timeBase),
            dts: record.dts, dtsTime: FFprobeText.time(record.dts ?? nopts, timeBase),
            duration: record.duration == 0 ? nil : record.duration,
            durationTime: FFprobeText.durationTime(record.duration, timeBase),
            size: String(record.size), pos: record.position.map { String($0) },
            flags: (record.isKeyframe ? "K" : "_") + (record.isDiscarded ? "D" : "_"))
    }
}
