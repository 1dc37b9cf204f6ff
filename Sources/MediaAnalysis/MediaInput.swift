internal import CFFmpeg
internal import MediaProbe

/// An input opened exactly as the probe opens one (file protocol only, the container whitelist,
/// the limits), with the streams the caller does not need discarded by the demuxer.
final class MediaInput {
    let format: FormatContext
    let path: String

    init(path: String, limits: ProbeLimits = .default) throws(AnalysisError) {
        self.path = path
        do {
            _ = try PathCheck.regularFileSize(path)
            format = try Prober.open(path, limits: limits)
            try Prober.findStreamInfo(format, path: path, limits: limits)
        } catch {
            throw AnalysisError(probe: error)
        }
    }

    var pointer: UnsafeMutablePointer<AVFormatContext> { format.pointer }

    /// The stream libavformat considers the main one of `type`, or `nil`.
    func bestStream(_ type: AVMediaType) -> UnsafeMutablePointer<AVStream>? {
        let index = av_find_best_stream(format.pointer, type, -1, -1, nil, 0)
        return index < 0 ? nil : format.stream(at: Int(index))
    }

    /// Tells the demuxer to skip every stream not in `kept`.
    func keepOnly(_ kept: Set<Int32>) {
        for index in 0..<format.streamCount {
            guard let stream = format.stream(at: index) else { continue }
            stream.pointee.discard = kept.contains(Int32(index)) ? AVDISCARD_DEFAULT : AVDISCARD_ALL
        }
    }

    /// Reads the next packet of a kept stream into `packet`; `false` at the end of the input.
    /// A read error ends the input as a player would: what was read so far stays valid.
    func read(into packet: LibavPacket) -> Bool {
        av_packet_unref(packet.pointer)
        return av_read_frame(format.pointer, packet.pointer) >= 0
    }
}

extension AnalysisError {
    /// A file the probe layer could not open, kept with the probe's reason and message.
    init(probe error: ProbeError) {
        let reason: Reason = switch error.reason {
        case .missingFile, .notReadable, .notAFile: .missing
        default: .unreadable
        }
        self.init(reason, path: error.path, detail: "cannot open", cause: error.message)
        probeMessage = error.message
    }
}
