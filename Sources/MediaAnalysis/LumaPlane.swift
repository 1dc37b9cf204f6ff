/// A small 8-bit grey picture: what the video analysers work on.
public struct LumaPlane: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// Row-major, `width * height` bytes, no padding.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "a luma plane holds width * height bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Box-filtered resample to `targetWidth` × `targetHeight`, as floats in 0…255.
    func resampled(width targetWidth: Int, height targetHeight: Int) -> [Double] {
        var result = [Double](repeating: 0, count: targetWidth * targetHeight)
        for row in 0..<targetHeight {
            let y0 = row * height / targetHeight
            let y1 = max(y0 + 1, (row + 1) * height / targetHeight)
            for column in 0..<targetWidth {
                let x0 = column * width / targetWidth
                let x1 = max(x0 + 1, (column + 1) * width / targetWidth)
                var sum = 0
                for y in y0..<y1 {
                    let base = y * width
                    for x in x0..<x1 { sum += Int(pixels[base + x]) }
                }
                result[row * targetWidth + column] = Double(sum) / Double((y1 - y0) * (x1 - x0))
            }
        }
        return result
    }
}
