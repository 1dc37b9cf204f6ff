@testable import MediaAnalysis
import Testing

@Test func reportsAHardCutAndNotAFadeOrNoise() {
    var scorer = SceneCutScorer()
    var noise = NoiseSource(state: 7)
    var cuts: [Int] = []
    for frame in 0..<120 {
        // 0–49: a fade up with noise; 50–119: another picture with noise.
        let base = frame < 50
            ? picture(width: 64, height: 36, boxX: 4, boxY: 4, offset: frame)
            : picture(width: 64, height: 36, boxX: 40, boxY: 20, offset: -40)
        let noisy = base.pixels.map { UInt8(clamping: Int($0) + Int(noise.next() * 12)) }
        if scorer.add(LumaPlane(width: 64, height: 36, pixels: noisy))?.isCut == true { cuts.append(frame) }
    }
    #expect(cuts == [50])
}
