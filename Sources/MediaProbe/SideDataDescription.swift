internal import CFFmpeg
import FootageModel

/// Reads one stream side-data entry the way ffprobe 5.1 prints it: the type's name, and the
/// fields of the kinds it knows (display matrix, CPB properties, HDR metadata, stereo 3D).
enum SideDataDescription {
    static func read(_ entry: AVPacketSideData) -> ProbeSideData {
        var item = ProbeSideData(sideDataType: FFprobeText.string(av_packet_side_data_name(entry.type)) ?? "unknown")
        guard let data = entry.data else { return item }
        let raw = UnsafeRawPointer(data)
        let size = Int(entry.size)
        switch entry.type {
        case AV_PKT_DATA_DISPLAYMATRIX where size >= 36:
            let values = (0..<9).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self) }
            item.displaymatrix = StreamDescription.displayMatrixText(values)
            let degrees = values.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { av_display_rotation_get($0) } ?? .nan
            }
            if degrees.isFinite { item.rotation = Int(degrees) }
        case AV_PKT_DATA_CPB_PROPERTIES where size >= MemoryLayout<AVCPBProperties>.size:
            let properties = raw.loadUnaligned(as: AVCPBProperties.self)
            item.maxBitrate = Int64(properties.max_bitrate)
            item.minBitrate = Int64(properties.min_bitrate)
            item.avgBitrate = Int64(properties.avg_bitrate)
            item.bufferSize = Int64(properties.buffer_size)
            item.vbvDelay = Int64(bitPattern: properties.vbv_delay)
        case AV_PKT_DATA_MASTERING_DISPLAY_METADATA where size >= MemoryLayout<AVMasteringDisplayMetadata>.size:
            let metadata = raw.loadUnaligned(as: AVMasteringDisplayMetadata.self)
            if metadata.has_primaries != 0 {
                let primaries = metadata.display_primaries
                item.redX = FFprobeText.rational(primaries.0.0)
                item.redY = FFprobeText.rational(primaries.0.1)
                item.greenX = FFprobeText.rational(primaries.1.0)
                item.greenY = FFprobeText.rational(primaries.1.1)
                item.blueX = FFprobeText.rational(primaries.2.0)
                item.blueY = FFprobeText.rational(primaries.2.1)
                item.whitePointX = FFprobeText.rational(metadata.white_point.0)
                item.whitePointY = FFprobeText.rational(metadata.white_point.1)
            }
            if metadata.has_luminance != 0 {
                item.minLuminance = FFprobeText.rational(metadata.min_luminance)
                item.maxLuminance = FFprobeText.rational(metadata.max_luminance)
            }
        case AV_PKT_DATA_CONTENT_LIGHT_LEVEL where size >= MemoryLayout<AVContentLightMetadata>.size:
            let metadata = raw.loadUnaligned(as: AVContentLightMetadata.self)
            item.maxContent = Int(metadata.MaxCLL)
            item.maxAverage = Int(metadata.MaxFALL)
        case AV_PKT_DATA_STEREO3D where size >= MemoryLayout<AVStereo3D>.size:
            let stereo = raw.loadUnaligned(as: AVStereo3D.self)
            item.type = FFprobeText.string(av_stereo3d_type_name(UInt32(stereo.type.rawValue)))
            item.inverted = stereo.flags & AV_STEREO3D_FLAG_INVERT != 0 ? 1 : 0
        default:
            break
        }
        return item
    }
}
