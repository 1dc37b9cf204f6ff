/// Scores the change between consecutive small luma planes and decides which changes are cuts.
///
/// The score adds the mean absolute pixel difference and the distance between the two grey-level
/// distributions (the area between their cumulative histograms), both in 0…1. Both grow smoothly
/// during fades and stay level under sensor noise, so a cut is a score far above the recent
/// median: `ratio` times it plus `margin`, and at least `minimumScore`.
public struct SceneCutScorer: Sendable {
    /// Scores of the previous frames the baseline is taken from.
    public var historyLength = 12
    public var ratio = 3.0
    public var margin = 0.05
    public var minimumScore = 0.08
    /// Frames after a cut during which no other cut is reported.
    public var minimumShotFrames = 3

    private var previous: LumaPlane?
    private var previousHistogram: [Int] = []
    private var history: [Double] = []
    private var framesSinceCut = Int.max / 2

    public init() {}

    public struct Decision: Sendable, Hashable {
        public var score: Double
        public var isCut: Bool
    }

    /// Feeds the next frame in presentation order; `nil` for the first frame.
    public mutating func add(_ plane: LumaPlane) -> Decision? {
        let histogram = Self.histogram(plane)
        defer {
            previous = plane
            previousHistogram = histogram
        }
        guard let previous, previous.width == plane.width, previous.height == plane.height else { return nil }
        let score = Self.meanAbsoluteDifference(previous, plane) + Self.distributionDistance(previousHistogram, histogram)
        let baseline = history.isEmpty ? 0 : Self.median(history)
        framesSinceCut += 1
        let isCut = score >= minimumScore && score >= baseline * ratio + margin && framesSinceCut >= minimumShotFrames
        if isCut {
            framesSinceCut = 0
        } else {
            // A cut's own score would inflate the baseline of the next shot.
            history.append(score)
            if history.count > historyLength { history.removeFirst() }
        }
        return Decision(score: score, isCut: isCut)
    }

    static func meanAbsoluteDifference(_ a: LumaPlane, _ b: LumaPlane) -> Double {
        var total = 0
        for index in 0..<a.pixels.count {
            total += abs(Int(a.pixels[index]) - Int(b.pixels[index]))
        }
        return Double(total) / Double(a.pixels.count * 255)
    }

    static func histogram(_ plane: LumaPlane) -> [Int] {
        var bins = [Int](repeating: 0, count: 256)
        for value in plane.pixels { bins[Int(value)] += 1 }
        return bins
    }

    /// Earth mover's distance between two grey-level histograms, normalised to 0…1.
    static func distributionDistance(_ a: [Int], _ b: [Int]) -> Double {
        let totalA = a.reduce(0, +)
        let totalB = b.reduce(0, +)
        guard totalA > 0, totalB > 0 else { return 0 }
        var cumulativeA = 0
        var cumulativeB = 0
        var area = 0.0
        for level in 0..<256 {
            cumulativeA += a[level]
            cumulativeB += b[level]
            area += abs(Double(cumulativeA) / Double(totalA) - Double(cumulativeB) / Double(totalB))
        }
        return area / 255
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
