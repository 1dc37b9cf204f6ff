internal import CFFmpeg

/// Owns a libswscale context converting decoded frames to packed rgb24 or 8-bit grey at a chosen
/// size. The context is rebuilt when the source size or format changes mid-stream.
final class Scaler {
    private var context: OpaquePointer?
    private var source: (width: Int32, height: Int32, format: Int32) = (0, 0, -1)
    /// The YCbCr matrix and range the context was last told, so it is told again only on a change.
    private var colour: (space: AVColorSpace, range: AVColorRange)?
    let outputFormat: AVPixelFormat
    let path: String

    init(outputFormat: AVPixelFormat, path: String) {
        self.outputFormat = outputFormat
        self.path = path
    }

    deinit {
        sws_freeContext(context)
    }

    private var bytesPerPixel: Int { outputFormat == AV_PIX_FMT_GRAY8 ? 1 : 3 }

    /// Converts `frame` to `width` × `height` packed pixels (no row padding).
    func convert(_ frame: LibavFrame, width: Int, height: Int) throws(AnalysisError) -> [UInt8] {
        let source = frame.pointer.pointee
        let key = (source.width, source.height, source.format)
        if context == nil || key != self.source {
            sws_freeContext(context)
            context = nil
            // At full size: no flags, leaving every choice to libswscale's defaults, as the
            // `ffmpeg` command does for its automatic conversion to rgb24, so that pixels and
            // hashes agree with it for 8-bit and 10-bit sources alike (naming bicubic and full
            // chroma interpolation gives the same pixels from 8-bit sources but not from 10-bit
            // ones). Shrinking: area averaging.
            let shrinking = width * height < Int(source.width) * Int(source.height)
            let flags = shrinking ? SWS_AREA : 0
            context = sws_getContext(source.width, source.height, AVPixelFormat(rawValue: source.format),
                                     Int32(width), Int32(height), outputFormat, Int32(flags), nil, nil, nil)
            guard context != nil else {
                throw AnalysisError(.codec, path: path, detail: "sws_getContext failed",
                                    cause: "cannot convert \(source.width)x\(source.height) format \(source.format)")
            }
            self.source = key
            self.targetSize = (width, height)
            colour = nil
        } else if targetSize != (width, height) {
            sws_freeContext(context)
            context = nil
            return try convert(frame, width: width, height: height)
        }
        if outputFormat == AV_PIX_FMT_RGB24 { matchColour(of: source) }
        let stride = width * bytesPerPixel
        var status: Int32 = 0
        // Every byte is written by the conversion, so the array is not zeroed first.
        let count = stride * height
        let pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var planes: [UnsafeMutablePointer<UInt8>?] = [buffer.baseAddress, nil, nil, nil]
            var strides: [Int32] = [Int32(stride), 0, 0, 0]
            status = withUnsafePointer(to: frame.pointer.pointee.data) { dataTuple in
                withUnsafePointer(to: frame.pointer.pointee.linesize) { linesizeTuple in
                    dataTuple.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 8) { data in
                        linesizeTuple.withMemoryRebound(to: Int32.self, capacity: 8) { linesize in
                            sws_scale(context, data, linesize, 0, source.height, &planes, &strides)
                        }
                    }
                }
            }
            // On failure the bytes are never looked at: the error below is thrown instead.
            initialized = count
        }
        try LibavStatus.check(status, "sws_scale", path: path)
        return pixels
    }

    private var targetSize: (Int, Int) = (0, 0)

    /// Converts with the YCbCr matrix and range the frame is tagged with (BT.709 for most HD
    /// footage), as the `ffmpeg` command's conversion does; untagged frames keep libswscale's
    /// defaults (BT.601, and the range the pixel format implies).
    private func matchColour(of frame: AVFrame) {
        guard let context, colour.map({ $0 != (frame.colorspace, frame.color_range) }) ?? true else { return }
        colour = (frame.colorspace, frame.color_range)
        var inverse: UnsafeMutablePointer<Int32>?
        var table: UnsafeMutablePointer<Int32>?
        var sourceFull: Int32 = 0
        var destinationFull: Int32 = 0
        var brightness: Int32 = 0
        var contrast: Int32 = 0
        var saturation: Int32 = 0
        guard sws_getColorspaceDetails(context, &inverse, &sourceFull, &table, &destinationFull,
                                       &brightness, &contrast, &saturation) >= 0 else { return }
        // libswscale's coefficient tables are indexed by the same numbers as AVColorSpace;
        // YCgCo and values past its table fall back to BT.601, as the ffmpeg command does.
        var space = Int32(frame.colorspace.rawValue)
        if space < 1 || space > 10 || space == Int32(AVCOL_SPC_YCGCO.rawValue) { space = Int32(AVCOL_SPC_BT470BG.rawValue) }
        let coefficients = sws_getCoefficients(space)
        if frame.color_range != AVCOL_RANGE_UNSPECIFIED {
            sourceFull = frame.color_range == AVCOL_RANGE_JPEG ? 1 : 0
        }
        // A conversion that cannot take them (a source without YCbCr, such as RGB) keeps its defaults.
        _ = sws_setColorspaceDetails(context, coefficients, sourceFull, coefficients, destinationFull,
                                     brightness, contrast, saturation)
    }
}
