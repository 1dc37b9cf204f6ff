internal import CFFmpeg
internal import MediaProbe
internal import FootageModel

/// An input opened exactly as the probe opens one (file protocol only, the container whitelist,
/// the limits), with the streams the caller does not need discarded by the demuxer.
final class MediaInput {
    let format: FormatContext
    let path: String

    /// `videoOnly`: the caller reads only video, so stream analysis (which decodes frames) is
    /// skipped where the container header already describes every video stream fully.
    init(path: String, limits: ProbeLimits = .default, videoOnly: Bool = false) throws(AnalysisError) {
        self.path = path
        do {
            _ = try PathCheck.regularFileSize(path)
            format = try Prober.open(path, limits: limits)
            if !(videoOnly && Self.headerDescribesVideo(format)) {
                try Prober.findStreamInfo(format, path: path, limits: limits)
            }
        } catch {
            throw AnalysisError(probe: error)
        }
    }

    /// Containers whose header carries each track's codec, picture size and decoder setup, and
    /// builds the seek index on open.
    private static let describingContainers: Set<String> = ["mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"]

    /// Whether every video stream's codec and size are known from the header alone.
    private static func headerDescribesVideo(_ format: FormatContext) -> Bool {
        guard let name = format.pointer.pointee.iformat?.pointee.name,
              describingContainers.contains(String(cString: name)) else { return false }
        var sawVideo = false
        for index in 0..<format.streamCount {
            guard let parameters = format.stream(at: index)?.pointee.codecpar?.pointee else { return false }
            guard parameters.codec_type == AVMEDIA_TYPE_VIDEO else { continue }
            guard parameters.codec_id != AV_CODEC_ID_NONE, parameters.width > 0, parameters.height > 0 else { return false }
            sawVideo = true
        }
        return sawVideo
    }

    var pointer: UnsafeMutablePointer<AVFormatContext> { format.pointer }

    /// The stream libavformat considers the main one of `type`, or `nil`.
    func bestStream(_ type: AVMediaType) -> UnsafeMutablePointer<AVStream>? {
        let index = av_find_best_stream(format.pointer, type, -1, -1, nil, 0)
        return index < 0 ? nil : format.stream(at: Int(index))
    }

    /// The stream at `index`, or `nil`.
    func stream(at index: Int32) -> UnsafeMutablePointer<AVStream>? {
        format.stream(at: Int(index))
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
