internal import CFFmpeg
import FootageModel

/// Reads one stream's block, field by field as ffprobe's `show_stream` derives and omits them.
enum StreamDescription {
    static func read(_ format: FormatContext, index: Int, decoder: DecoderContext?) -> ProbeStream? {
        guard let stream = format.stream(at: index), let parameters = stream.pointee.codecpar else { return nil }
        let st = stream.pointee
        let par = parameters.pointee
        var result = ProbeStream(
            index: Int(st.index),
            codecType: FFprobeText.string(av_get_media_type_string(par.codec_type)),
            codecTagString: fourcc(par.codec_tag),
            codecTag: FFprobeText.hex4(par.codec_tag),
            rFrameRate: FFprobeText.rational(st.r_frame_rate),
            avgFrameRate: FFprobeText.rational(st.avg_frame_rate),
            timeBase: FFprobeText.rational(st.time_base),
            disposition: disposition(st.disposition))
        if let descriptor = avcodec_descriptor_get(par.codec_id) {
            result.codecName = FFprobeText.string(descriptor.pointee.name)
            result.codecLongName = FFprobeText.string(descriptor.pointee.long_name)
        }
        if let name = avcodec_profile_name(par.codec_id, par.profile) {
            result.profile = String(cString: name)
        } else if par.profile != FF_PROFILE_UNKNOWN {
            result.profile = String(par.profile)
        }
        let codec = decoder?.pointer.pointee

        switch par.codec_type {
        case AVMEDIA_TYPE_VIDEO:
            readVideo(into: &result, format: format, stream: stream, parameters: par, decoder: codec)
        case AVMEDIA_TYPE_AUDIO:
            readAudio(into: &result, parameters: par)
        case AVMEDIA_TYPE_SUBTITLE:
            if par.width != 0 { result.width = Int(par.width) }
            if par.height != 0 { result.height = Int(par.height) }
        default:
            break
        }

        if let options = decoder?.exportedOptions {
            result.isAvc = options["is_avc"]
            result.nalLengthSize = options["nal_length_size"]
            result.quarterSample = options["quarter_sample"]
            result.divxPacked = options["divx_packed"]
        }
        if let flags = format.pointer.pointee.iformat?.pointee.flags, flags & AVFMT_SHOW_IDS != 0 {
            result.id = "0x" + String(UInt32(bitPattern: st.id), radix: 16)
        }
        result.startPts = FFprobeText.timestamp(st.start_time)
        result.startTime = FFprobeText.time(st.start_time, st.time_base)
        result.durationTs = FFprobeText.timestamp(st.duration)
        result.duration = FFprobeText.time(st.duration, st.time_base)
        if par.bit_rate > 0 { result.bitRate = String(par.bit_rate) }
        if let codec, codec.rc_max_rate > 0 { result.maxBitRate = String(codec.rc_max_rate) }
        if let codec, codec.bits_per_raw_sample > 0 { result.bitsPerRawSample = String(codec.bits_per_raw_sample) }
        if st.nb_frames != 0 { result.nbFrames = String(st.nb_frames) }
        if par.extradata_size > 0 { result.extradataSize = Int(par.extradata_size) }
        result.tags = FFprobeText.tags(st.metadata)
        result.sideDataList = sideData(st)
        return result
    }

    private static func readVideo(into result: inout ProbeStream, format: FormatContext,
                                  stream: UnsafeMutablePointer<AVStream>, parameters par: AVCodecParameters,
                                  decoder codec: AVCodecContext?) {
        result.width = Int(par.width)
        result.height = Int(par.height)
        if let codec {
            result.codedWidth = Int(codec.coded_width)
            result.codedHeight = Int(codec.coded_height)
            result.closedCaptions = codec.properties & UInt32(FF_CODEC_PROPERTY_CLOSED_CAPTIONS) != 0 ? 1 : 0
            result.filmGrain = codec.properties & UInt32(FF_CODEC_PROPERTY_FILM_GRAIN) != 0 ? 1 : 0
        }
        result.hasBFrames = Int(par.video_delay)
        let sar = av_guess_sample_aspect_ratio(format.pointer, stream, nil)
        if sar.num != 0 {
            result.sampleAspectRatio = FFprobeText.ratio(sar)
            var dar = AVRational()
            av_reduce(&dar.num, &dar.den, Int64(par.width) * Int64(sar.num), Int64(par.height) * Int64(sar.den), 1024 * 1024)
            result.displayAspectRatio = FFprobeText.ratio(dar)
        }
        result.pixFmt = FFprobeText.string(av_get_pix_fmt_name(AVPixelFormat(par.format)))
        result.level = Int(par.level)
        if par.color_range != AVCOL_RANGE_UNSPECIFIED { result.colorRange = FFprobeText.string(av_color_range_name(par.color_range)) }
        if par.color_space != AVCOL_SPC_UNSPECIFIED { result.colorSpace = FFprobeText.string(av_color_space_name(par.color_space)) }
        if par.color_trc != AVCOL_TRC_UNSPECIFIED { result.colorTransfer = FFprobeText.string(av_color_transfer_name(par.color_trc)) }
        if par.color_primaries != AVCOL_PRI_UNSPECIFIED { result.colorPrimaries = FFprobeText.string(av_color_primaries_name(par.color_primaries)) }
        if par.chroma_location != AVCHROMA_LOC_UNSPECIFIED { result.chromaLocation = FFprobeText.string(av_chroma_location_name(par.chroma_location)) }
        result.fieldOrder = fieldOrder(par.field_order)
        if let codec { result.refs = Int(codec.refs) }
    }

    private static func readAudio(into result: inout ProbeStream, parameters par: AVCodecParameters) {
        result.sampleFmt = FFprobeText.string(av_get_sample_fmt_name(AVSampleFormat(par.format)))
        result.sampleRate = String(par.sample_rate)
        result.channels = Int(par.ch_layout.nb_channels)
        result.channelLayout = FFprobeText.channelLayout(par.ch_layout)
        result.bitsPerSample = Int(av_get_bits_per_sample(par.codec_id))
    }

    private static func fieldOrder(_ order: AVFieldOrder) -> String? {
        switch order {
        case AV_FIELD_PROGRESSIVE: "progressive"
        case AV_FIELD_TT: "tt"
        case AV_FIELD_BB: "bb"
        case AV_FIELD_TB: "tb"
        case AV_FIELD_BT: "bt"
        default: nil
        }
    }

    /// av_fourcc_make_string: printable characters as they are, others as `[n]`.
    static func fourcc(_ tag: UInt32) -> String {
        var text = ""
        for shift in stride(from: 0, to: 32, by: 8) {
            let byte = UInt8((tag >> UInt32(shift)) & 0xFF)
            let character = Character(Unicode.Scalar(byte))
            let printable = character.isASCII && (character.isLetter || character.isNumber || ". -_".contains(character))
            text += printable ? String(character) : "[\(byte)]"
        }
        return text
    }

    /// Every disposition flag libavformat names, 0 or 1.
    private static func disposition(_ flags: Int32) -> [String: Int] {
        var result: [String: Int] = [:]
        for bit in 0..<31 {
            let flag = Int32(1) << Int32(bit)
            if let name = av_disposition_to_string(flag) {
                result[String(cString: name)] = flags & flag != 0 ? 1 : 0
            }
        }
        return result
    }

    private static func sideData(_ stream: AVStream) -> [ProbeSideData]? {
        guard stream.nb_side_data > 0, let list = stream.side_data else { return nil }
        return (0..<Int(stream.nb_side_data)).map { SideDataDescription.read(list[$0]) }
    }

    /// ffprobe's layout: three rows `%08x: ` followed by three ` %11d` values, each row ending in a newline.
    static func displayMatrixText(_ values: [Int32]) -> String {
        var text = "\n"
        for row in 0..<3 {
            let label = String(row, radix: 16)
            text += String(repeating: "0", count: 8 - label.count) + label + ": "
            for column in 0..<3 {
                let value = String(values[row * 3 + column])
                text += " " + String(repeating: " ", count: max(0, 11 - value.count)) + value
            }
            text += "\n"
        }
        return text
    }
}
