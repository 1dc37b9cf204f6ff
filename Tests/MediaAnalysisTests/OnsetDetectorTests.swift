import Foundation
@testable import MediaAnalysis
import Testing

/// Deterministic noise so the pure tests never depend on a random seed.
struct NoiseSource {
    var state: UInt64
    mutating func next() -> Float {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(Int64(bitPattern: state >> 11) % 2_000_001 - 1_000_000) / 1_000_000
    }
}

/// Quiet noise (or a steady tone) with decaying bursts at `onsets` seconds.
func syntheticAudio(seconds: Double, rate: Int, onsets: [Double], tone: Float = 0) -> [Float] {
    var noise = NoiseSource(state: 42)
    var samples = [Float](repeating: 0, count: Int(seconds * Double(rate)))
    for index in samples.indices {
        let t = Double(index) / Double(rate)
        var value = 0.02 * noise.next() + tone * Float(sin(2 * Double.pi * 440 * t))
        for onset in onsets where t >= onset && t < onset + 0.04 {
            value += 0.9 * noise.next() * Float(exp(-(t - onset) * 70))
        }
        samples[index] = value
    }
    return samples
}

@Test func findsEachBurstInQuietNoiseWithinAMillisecond() {
    let rate = 16000
    let truth = [1.2, 3.05, 3.2, 4.7]
    let onsets = OnsetDetector(sampleRate: rate).detect(syntheticAudio(seconds: 6, rate: rate, onsets: truth))
    #expect(onsets.count == truth.count)
    for (found, expected) in zip(onsets, truth) {
        #expect(abs(Double(found.sample) / Double(rate) - expected) < 0.002)
        #expect(found.peakDBFS > -3 && found.peakDBFS <= 0)
        #expect(found.strength > 20)
    }
}

@Test func findsBurstsOverASteadyToneAndNothingInTheToneAlone() {
    let rate = 16000
    let truth = [0.5, 2.0, 2.15]
    let detector = OnsetDetector(sampleRate: rate)
    let onsets = detector.detect(syntheticAudio(seconds: 3, rate: rate, onsets: truth, tone: 0.3))
    #expect(onsets.map { ($0.sample * 1000 / rate + 10) / 20 } == truth.map { (Int($0 * 1000) + 10) / 20 })
    #expect(detector.detect(syntheticAudio(seconds: 3, rate: rate, onsets: [], tone: 0.3)).isEmpty)
}

@Test func findsNothingInSilenceOrNoise() {
    let detector = OnsetDetector(sampleRate: 16000)
    #expect(detector.detect([Float](repeating: 0, count: 32000)).isEmpty)
    #expect(detector.detect(syntheticAudio(seconds: 4, rate: 16000, onsets: [])).isEmpty)
    #expect(detector.detect([0.5, -0.5]).isEmpty)
}
