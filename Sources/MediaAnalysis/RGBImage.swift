/// A packed rgb24 picture (3 bytes per pixel, no row padding), the form frames are hashed,
/// composed and encoded in.
public struct RGBImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "an rgb24 image holds width * height * 3 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public init(width: Int, height: Int, filledWith colour: (UInt8, UInt8, UInt8)) {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in stride(from: 0, to: pixels.count, by: 3) {
            pixels[index] = colour.0
            pixels[index + 1] = colour.1
            pixels[index + 2] = colour.2
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    public func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        let offset = (y * width + x) * 3
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }

    /// Copies `image` with its top-left corner at (`x`, `y`), clipped to this image.
    public mutating func paste(_ image: RGBImage, x originX: Int, y originY: Int) {
        for row in 0..<image.height {
            let y = originY + row
            guard y >= 0, y < height else { continue }
            let firstColumn = max(0, -originX)
            let lastColumn = min(image.width, width - originX)
            guard firstColumn < lastColumn else { continue }
            let source = (row * image.width + firstColumn) * 3
            let target = (y * width + originX + firstColumn) * 3
            let count = (lastColumn - firstColumn) * 3
            pixels.replaceSubrange(target..<(target + count), with: image.pixels[source..<(source + count)])
        }
    }

    /// Draws `text` in the bitmap font with its top-left corner at (`x`, `y`).
    public mutating func draw(_ text: String, x originX: Int, y originY: Int, scale: Int,
                              colour: (UInt8, UInt8, UInt8)) {
        for (position, character) in text.enumerated() {
            let glyphX = originX + position * (BitmapFont.glyphWidth + 1) * scale
            for gy in 0..<BitmapFont.glyphHeight {
                for gx in 0..<BitmapFont.glyphWidth where BitmapFont.isInk(character, x: gx, y: gy) {
                    fill(x: glyphX + gx * scale, y: originY + gy * scale, width: scale, height: scale, colour: colour)
                }
            }
        }
    }

    mutating func fill(x originX: Int, y originY: Int, width fillWidth: Int, height fillHeight: Int,
                       colour: (UInt8, UInt8, UInt8)) {
        for y in max(0, originY)..<min(height, originY + fillHeight) {
            for x in max(0, originX)..<min(width, originX + fillWidth) {
                let offset = (y * width + x) * 3
                pixels[offset] = colour.0
                pixels[offset + 1] = colour.1
                pixels[offset + 2] = colour.2
            }
        }
    }
}
