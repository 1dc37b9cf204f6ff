internal import CFFmpeg
import ContainerIndex
public import FootageModel

/// One stream's packets as an MP4/MOV file's own sample tables list them, without reading media
/// data: what a demux-only pass over the whole file would give, for a fraction of its cost.
package enum IndexedStreamPackets {
    /// The packets of stream `streamIndex` of `format` in demux order, or `nil` when only a demux
    /// scan can tell: another container, fragments, a cut file, or a track the index does not
    /// reproduce packet for packet.
    package static func packets(of format: FormatContext, path: String, streamIndex: Int) -> [PacketRecord]? {
        let formatName = FFprobeText.string(format.pointer.pointee.iformat?.pointee.name) ?? ""
        guard let index = ProbeIndexing.read(path: path, formatName: formatName).index, index.isComplete,
              index.tracks.map(\.streamIndex) == Array(0..<format.streamCount),
              let track = index.tracks.first(where: { $0.streamIndex == streamIndex }), track.limitation == nil else {
            return nil
        }
        return track.packets
    }
}
