internal import CFFmpeg
import FootageModel

/// Reads the `format` block from an opened container, as ffprobe's `show_format` does.
enum FormatDescription {
    static func read(_ format: FormatContext, path: String) -> ProbeFormat {
        let context = format.pointer.pointee
        let microsecond = footage_time_base_q()
        let size = context.pb.map { avio_size($0) } ?? -1
        return ProbeFormat(
            filename: path,
            nbStreams: Int(context.nb_streams),
            nbPrograms: Int(context.nb_programs),
            formatName: FFprobeText.string(context.iformat?.pointee.name) ?? "unknown",
            formatLongName: FFprobeText.string(context.iformat?.pointee.long_name),
            startTime: FFprobeText.time(context.start_time, microsecond),
            duration: FFprobeText.time(context.duration, microsecond),
            size: size >= 0 ? String(size) : nil,
            bitRate: context.bit_rate > 0 ? String(context.bit_rate) : nil,
            probeScore: Int(context.probe_score),
            tags: FFprobeText.tags(context.metadata))
    }
}
