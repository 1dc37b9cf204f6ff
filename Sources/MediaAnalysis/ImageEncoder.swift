internal import CFFmpeg

/// Encodes rgb24 images as PNG or JPEG with libavcodec's own image encoders.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png
    case jpg

    public var fileExtension: String { rawValue }
}

public enum ImageEncoder {
    /// One still image as the bytes of a `.png` or `.jpg` file.
    public static func encode(_ image: RGBImage, as format: ImageFormat, path: String) throws(AnalysisError) -> [UInt8] {
        let codecID = format == .png ? AV_CODEC_ID_PNG : AV_CODEC_ID_MJPEG
        // MJPEG takes full-range YUV; PNG takes the rgb24 pixels as they are.
        let pixelFormat = format == .png ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_YUVJ420P
        guard let codec = avcodec_find_encoder(codecID) else {
            throw AnalysisError(.output, path: path, detail: "no \(format.rawValue) encoder in this libavcodec")
        }
        let context = try EncoderContext(codec: codec, path: path)
        let encoder = context.pointer
        encoder.pointee.width = Int32(image.width)
        encoder.pointee.height = Int32(image.height)
        encoder.pointee.pix_fmt = pixelFormat
        encoder.pointee.time_base = AVRational(num: 1, den: 25)
        if format == .png {
            // PNG is lossless at every level; zlib level 1 writes a 720p frame in about 14 ms
            // where the default 6 takes about 35, for files about a fifth larger.
            encoder.pointee.compression_level = 1
        }
        if format == .jpg {
            // A fixed high quality: qscale 2 on the 2–31 scale.
            encoder.pointee.flags |= AV_CODEC_FLAG_QSCALE
            encoder.pointee.global_quality = 2 * FF_QP2LAMBDA
            encoder.pointee.qmin = 2
            encoder.pointee.qmax = 2
        }
        try LibavStatus.check(avcodec_open2(encoder, codec, nil), "avcodec_open2 (\(format.rawValue) encoder)", path: path, reason: .output)

        let frame = try LibavFrame(path: path)
        frame.pointer.pointee.width = Int32(image.width)
        frame.pointer.pointee.height = Int32(image.height)
        frame.pointer.pointee.format = pixelFormat.rawValue
        frame.pointer.pointee.pts = 0
        if format == .png {
            // PNG takes the rgb24 rows where they are: the frame borrows the image's memory
            // for as long as the encoder runs, which saves copying (and first touching) a
            // second picture-sized buffer.
            return try image.pixels.withUnsafeBufferPointer { pixels throws(AnalysisError) -> [UInt8] in
                try lend(pixels, rowBytes: image.width * 3, to: frame, path: path)
                defer { av_frame_unref(frame.pointer) }
                return try run(context, on: frame, format: format, path: path)
            }
        }
        try LibavStatus.check(av_frame_get_buffer(frame.pointer, 0), "av_frame_get_buffer", path: path, reason: .output)
        try convertToYUV(image, into: frame, format: pixelFormat, path: path)
        return try run(context, on: frame, format: format, path: path)
    }

    /// Sends the one frame, drains the encoder and returns the image file's bytes.
    private static func run(_ context: EncoderContext, on frame: LibavFrame,
                            format: ImageFormat, path: String) throws(AnalysisError) -> [UInt8] {
        let encoder = context.pointer
        defer { withExtendedLifetime(context) {} }
        let packet = try LibavPacket(path: path)
        try LibavStatus.check(avcodec_send_frame(encoder, frame.pointer), "avcodec_send_frame", path: path, reason: .output)
        try LibavStatus.check(avcodec_send_frame(encoder, nil), "avcodec_send_frame", path: path, reason: .output)
        var bytes: [UInt8] = []
        while true {
            let status = avcodec_receive_packet(encoder, packet.pointer)
            if status == footage_averror_eof() || status == footage_averror_eagain() { break }
            try LibavStatus.check(status, "avcodec_receive_packet", path: path, reason: .output)
            if let data = packet.pointer.pointee.data {
                bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(packet.pointer.pointee.size)))
            }
            av_packet_unref(packet.pointer)
        }
        if bytes.isEmpty {
            throw AnalysisError(.output, path: path, detail: "the \(format.rawValue) encoder produced no image")
        }
        return bytes
    }

    /// Points the frame's first plane at `pixels` through a read-only buffer reference whose
    /// release does nothing: the memory stays the caller's, valid only while the caller lends it.
    private static func lend(_ pixels: UnsafeBufferPointer<UInt8>, rowBytes: Int, to frame: LibavFrame,
                             path: String) throws(AnalysisError) {
        guard let base = pixels.baseAddress,
              let buffer = av_buffer_create(UnsafeMutablePointer(mutating: base), pixels.count,
                                            { _, _ in }, nil, AV_BUFFER_FLAG_READONLY) else {
            throw AnalysisError(.output, path: path, detail: "av_buffer_create failed", cause: "out of memory")
        }
        frame.pointer.pointee.buf.0 = buffer
        frame.pointer.pointee.data.0 = UnsafeMutablePointer(mutating: base)
        frame.pointer.pointee.linesize.0 = Int32(rowBytes)
    }

    /// Converts the rgb24 image into the frame's YUV planes with libswscale.
    private static func convertToYUV(_ image: RGBImage, into frame: LibavFrame, format: AVPixelFormat,
                                     path: String) throws(AnalysisError) {
        try LibavStatus.check(av_frame_make_writable(frame.pointer), "av_frame_make_writable", path: path, reason: .output)
        guard let context = sws_getContext(Int32(image.width), Int32(image.height), AV_PIX_FMT_RGB24,
                                           Int32(image.width), Int32(image.height), format,
                                           Int32(SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP), nil, nil, nil) else {
            throw AnalysisError(.output, path: path, detail: "sws_getContext failed", cause: "rgb24 to jpeg colours")
        }
        defer { sws_freeContext(context) }
        let status = image.pixels.withUnsafeBufferPointer { source -> Int32 in
            var sourcePlanes: [UnsafePointer<UInt8>?] = [source.baseAddress, nil, nil, nil]
            var sourceStrides: [Int32] = [Int32(image.width * 3), 0, 0, 0]
            return withUnsafeMutablePointer(to: &frame.pointer.pointee.data) { dataTuple in
                withUnsafeMutablePointer(to: &frame.pointer.pointee.linesize) { linesizeTuple in
                    dataTuple.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: 8) { data in
                        linesizeTuple.withMemoryRebound(to: Int32.self, capacity: 8) { linesize in
                            sws_scale(context, &sourcePlanes, &sourceStrides, 0, Int32(image.height), data, linesize)
                        }
                    }
                }
            }
        }
        try LibavStatus.check(status, "sws_scale", path: path, reason: .output)
    }
}

/// Owns an encoder context.
final class EncoderContext {
    let pointer: UnsafeMutablePointer<AVCodecContext>

    init(codec: UnsafePointer<AVCodec>, path: String) throws(AnalysisError) {
        guard let context = avcodec_alloc_context3(codec) else {
            throw AnalysisError(.output, path: path, detail: "avcodec_alloc_context3 failed", cause: "out of memory")
        }
        pointer = context
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = pointer
        avcodec_free_context(&context)
    }
}
