extension RGBImage {
    /// The image turned clockwise by a multiple of 90 degrees (other angles round to the nearest).
    public func rotated(clockwiseDegrees degrees: Int) -> RGBImage {
        let quarterTurns = ((Int((Double(degrees) / 90).rounded()) % 4) + 4) % 4
        guard quarterTurns != 0 else { return self }
        let outWidth = quarterTurns == 2 ? width : height
        let outHeight = quarterTurns == 2 ? height : width
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<height {
            for x in 0..<width {
                let (targetX, targetY): (Int, Int)
                switch quarterTurns {
                case 1: (targetX, targetY) = (height - 1 - y, x)
                case 2: (targetX, targetY) = (width - 1 - x, height - 1 - y)
                default: (targetX, targetY) = (y, width - 1 - x)
                }
                let source = (y * width + x) * 3
                let target = (targetY * outWidth + targetX) * 3
                out[target] = pixels[source]
                out[target + 1] = pixels[source + 1]
                out[target + 2] = pixels[source + 2]
            }
        }
        return RGBImage(width: outWidth, height: outHeight, pixels: out)
    }
}
