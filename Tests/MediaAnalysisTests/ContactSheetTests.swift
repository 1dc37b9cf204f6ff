@testable import MediaAnalysis
import Testing

@Test func laysFramesOutInAGridWithTheirTimesUnderThem() {
    let red = RGBImage(width: 40, height: 30, filledWith: (255, 0, 0))
    let blue = RGBImage(width: 40, height: 30, filledWith: (0, 0, 255))
    let sheet = ContactSheet().compose([(red, "5.400s"), (blue, "6.100s"), (red, "6.550s")])
    // Three frames make a 2×2 grid; the label strip is 7 rows at scale 2 plus padding.
    #expect(sheet.width == 8 + 2 * (BitmapFont.width(of: "5.400s", scale: 2) + 8))
    #expect(sheet.height == 8 + 2 * (30 + 14 + 8 + 8))
    let cellWidth = BitmapFont.width(of: "5.400s", scale: 2)
    #expect(sheet.pixel(x: 8 + (cellWidth - 40) / 2 + 20, y: 8 + 15) == (255, 0, 0))
    #expect(sheet.pixel(x: 8 + cellWidth + 8 + (cellWidth - 40) / 2 + 20, y: 8 + 15) == (0, 0, 255))
    // The label under the first frame has ink in the text strip.
    var ink = 0
    for y in (8 + 30)..<(8 + 30 + 22) {
        for x in 8..<(8 + cellWidth) where sheet.pixel(x: x, y: y) == (240, 240, 240) { ink += 1 }
    }
    #expect(ink > 50)
}

@Test func everyLabelCharacterHasAGlyph() {
    for character in "0123456789:.s-" {
        #expect(BitmapFont.glyphs[character]?.count == BitmapFont.glyphHeight)
    }
}
