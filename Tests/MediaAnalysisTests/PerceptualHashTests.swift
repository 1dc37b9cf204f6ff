@testable import MediaAnalysis
import Testing

/// A grey test picture: a gradient with a bright rectangle at a chosen place.
func picture(width: Int, height: Int, boxX: Int, boxY: Int, offset: Int = 0) -> LumaPlane {
    var pixels = [UInt8](repeating: 0, count: width * height)
    for y in 0..<height {
        for x in 0..<width {
            var value = (x * 160 / width) + (y * 60 / height) + offset
            if x >= boxX, x < boxX + width / 4, y >= boxY, y < boxY + height / 4 { value = 250 }
            pixels[y * width + x] = UInt8(clamping: value)
        }
    }
    return LumaPlane(width: width, height: height, pixels: pixels)
}

@Test func sameContentAtAnotherSizeOrBrightnessHashesAlike() {
    let original = PerceptualHash.hash(picture(width: 128, height: 96, boxX: 10, boxY: 10))
    let smaller = PerceptualHash.hash(picture(width: 64, height: 48, boxX: 5, boxY: 5))
    let brighter = PerceptualHash.hash(picture(width: 128, height: 96, boxX: 10, boxY: 10, offset: 4))
    #expect(PerceptualHash.distance(original, smaller) <= 6)
    #expect(PerceptualHash.distance(original, brighter) <= 6)
}

@Test func differentContentHashesApart() {
    let a = PerceptualHash.hash(picture(width: 128, height: 96, boxX: 10, boxY: 10))
    let b = PerceptualHash.hash(picture(width: 128, height: 96, boxX: 90, boxY: 60))
    #expect(PerceptualHash.distance(a, b) >= 12)
    #expect(PerceptualHash.distance(a, a) == 0)
}
