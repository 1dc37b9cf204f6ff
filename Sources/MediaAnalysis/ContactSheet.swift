/// Lays frames out in a grid, each with its time written under it, on one rgb24 image.
public struct ContactSheet: Sendable {
    public var columns: Int?
    public var padding = 8
    public var textScale = 2
    public var background: (UInt8, UInt8, UInt8) = (24, 24, 24)
    public var ink: (UInt8, UInt8, UInt8) = (240, 240, 240)

    public init(columns: Int? = nil) {
        self.columns = columns
    }

    /// Frames may differ in size; each cell is as large as the largest, frames centred in it.
    public func compose(_ frames: [(image: RGBImage, label: String)]) -> RGBImage {
        guard !frames.isEmpty else { return RGBImage(width: 1, height: 1, filledWith: background) }
        let columnCount = max(1, min(frames.count, columns ?? Self.squareColumns(frames.count)))
        let rowCount = (frames.count + columnCount - 1) / columnCount
        let cellWidth = frames.map { max($0.image.width, BitmapFont.width(of: $0.label, scale: textScale)) }.max() ?? 1
        let cellHeight = frames.map(\.image.height).max() ?? 1
        let labelHeight = BitmapFont.glyphHeight * textScale + padding
        let width = padding + columnCount * (cellWidth + padding)
        let height = padding + rowCount * (cellHeight + labelHeight + padding)
        var sheet = RGBImage(width: width, height: height, filledWith: background)
        for (position, frame) in frames.enumerated() {
            let cellX = padding + (position % columnCount) * (cellWidth + padding)
            let cellY = padding + (position / columnCount) * (cellHeight + labelHeight + padding)
            sheet.paste(frame.image, x: cellX + (cellWidth - frame.image.width) / 2,
                        y: cellY + (cellHeight - frame.image.height) / 2)
            let textWidth = BitmapFont.width(of: frame.label, scale: textScale)
            sheet.draw(frame.label, x: cellX + (cellWidth - textWidth) / 2, y: cellY + cellHeight + padding / 2,
                       scale: textScale, colour: ink)
        }
        return sheet
    }

    /// Columns for a roughly square grid.
    static func squareColumns(_ count: Int) -> Int {
        var columns = 1
        while columns * columns < count { columns += 1 }
        return columns
    }
}
