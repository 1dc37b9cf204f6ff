internal import CFFmpeg
import ContainerIndex
import FootageModel

/// `--packets` from an MP4/MOV's own sample tables: the entries a demux scan would list, in the
/// demuxer's order, without reading a byte of media data.
enum IndexedPacketListing {
    /// The listing, or `nil` when a scan must answer: another container, or an index that does
    /// not reproduce every packet (fragments, a cut file, a track laid out in a way it does not
    /// follow).
    static func listing(_ format: FormatContext, path: String, limit: Int) -> [PacketListingEntry]? {
        let formatName = FFprobeText.string(format.pointer.pointee.iformat?.pointee.name) ?? ""
        guard let index = ProbeIndexing.read(path: path, formatName: formatName).index, index.isComplete,
              index.tracks.map(\.streamIndex) == Array(0..<format.streamCount) else { return nil }
        let types = PacketScan.mediaTypes(format)
        let timeBases = PacketScan.timeBases(format)
        return DemuxOrder.interleave(index.tracks).prefix(limit).map { record in
            PacketScan.entry(record, type: types[record.streamIndex], timeBase: timeBases[record.streamIndex])
        }
    }
}
