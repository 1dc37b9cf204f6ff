internal import CFFmpeg

/// Reduces a decoded picture to a small luma plane. For 8-bit YUV layouts it box-averages the
/// luma plane directly (the cheapest read of a large frame); anything else goes through libswscale.
final class LumaSampler {
    let width: Int
    private let fallback: Scaler

    init(width: Int, path: String) {
        self.width = width
        fallback = Scaler(outputFormat: AV_PIX_FMT_GRAY8, path: path)
    }

    /// 8-bit formats whose first plane is full-resolution luma.
    private static let planarLumaFormats: Set<Int32> = [
        AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUVJ422P,
        AV_PIX_FMT_YUV444P, AV_PIX_FMT_YUVJ444P, AV_PIX_FMT_NV12, AV_PIX_FMT_NV21, AV_PIX_FMT_GRAY8,
        AV_PIX_FMT_YUV440P, AV_PIX_FMT_YUVJ440P, AV_PIX_FMT_YUV411P, AV_PIX_FMT_YUVA420P,
    ].reduce(into: Set<Int32>()) { $0.insert($1.rawValue) }

    func plane(of frame: LibavFrame) throws(AnalysisError) -> LumaPlane {
        let source = frame.pointer.pointee
        let sourceWidth = Int(source.width)
        let sourceHeight = Int(source.height)
        let height = max(8, (sourceHeight * width + sourceWidth / 2) / max(1, sourceWidth))
        guard Self.planarLumaFormats.contains(source.format), let luma = source.data.0,
              sourceWidth >= width, sourceHeight >= height else {
            return LumaPlane(width: width, height: height, pixels: try fallback.convert(frame, width: width, height: height))
        }
        let stride = Int(source.linesize.0)
        var pixels = [UInt8](repeating: 0, count: width * height)
        // Each output pixel averages a 4×4 sample grid spread over its box of the source.
        let samples = 4
        for row in 0..<height {
            let top = row * sourceHeight / height
            let boxHeight = max(1, (row + 1) * sourceHeight / height - top)
            for column in 0..<width {
                let left = column * sourceWidth / width
                let boxWidth = max(1, (column + 1) * sourceWidth / width - left)
                var sum = 0
                for sy in 0..<samples {
                    let line = luma + (top + (sy * boxHeight) / samples) * stride + left
                    for sx in 0..<samples { sum += Int(line[(sx * boxWidth) / samples]) }
                }
                pixels[row * width + column] = UInt8(sum / (samples * samples))
            }
        }
        return LumaPlane(width: width, height: height, pixels: pixels)
    }
}
