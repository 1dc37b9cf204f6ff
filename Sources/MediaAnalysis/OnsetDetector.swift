import Foundation

/// Finds impulsive sounds (shots, bangs) in mono float samples.
///
/// The envelope is the short-time energy of the first difference of the signal on 5 ms hops: the
/// difference lifts broadband bursts and damps hum, tones and wind. A hop starts an event when its
/// energy stands `thresholdDB` above an adaptive noise floor (a low percentile of the previous
/// second) and has risen `riseDB` within 10 ms; a refractory period keeps one burst one event.
/// The onset is then refined to the first sample whose envelope crosses into the burst.
public struct OnsetDetector: Sendable {
    public var sampleRate: Int
    /// Minimum rise above the noise floor, in dB.
    public var thresholdDB: Double = 15
    /// Minimum rise over the previous 10 ms, in dB: steady loud sound is not an onset.
    public var riseDB: Double = 6
    /// After an onset, no new onset for this long, in milliseconds.
    public var refractoryMs: Int = 70
    /// History the noise floor looks back over, in milliseconds.
    public var floorWindowMs: Int = 1000
    /// The floor is this percentile of the history's hop energies.
    public var floorPercentile: Double = 0.2

    public init(sampleRate: Int) {
        self.sampleRate = sampleRate
    }

    /// One detected onset, in samples from the start of the buffer.
    public struct Onset: Sendable, Hashable {
        public var sample: Int
        public var peakDBFS: Double
        public var strength: Double
    }

    private var hopLength: Int { max(1, sampleRate / 200) }

    /// Runs the detector over a whole buffer.
    public func detect(_ samples: [Float]) -> [Onset] {
        let hop = hopLength
        let hopCount = samples.count / hop
        guard hopCount > 2 else { return [] }
        let energy = hopEnergies(samples, hop: hop, count: hopCount)
        let floors = noiseFloors(energy)
        var onsets: [Onset] = []
        let refractoryHops = max(1, refractoryMs / 5)
        var lastOnsetHop = Int.min / 2
        var hopIndex = 1
        while hopIndex < hopCount {
            let level = energy[hopIndex]
            let floor = floors[hopIndex]
            let previous = max(hopIndex >= 2 ? min(energy[hopIndex - 1], energy[hopIndex - 2]) : energy[hopIndex - 1], floor)
            let isOnset = level - floor >= thresholdDB && level - previous >= riseDB
                && hopIndex - lastOnsetHop >= refractoryHops
            if isOnset {
                let peakHop = (hopIndex..<min(hopCount, hopIndex + refractoryHops)).max { energy[$0] < energy[$1] } ?? hopIndex
                let sample = refineOnset(samples, hop: hop, detectedHop: hopIndex, floorDB: floor, peakDB: energy[peakHop])
                let peak = peakLevel(samples, from: sample, length: refractoryHops * hop)
                onsets.append(Onset(sample: sample, peakDBFS: peak, strength: energy[peakHop] - floor))
                lastOnsetHop = hopIndex
            }
            hopIndex += 1
        }
        return onsets
    }

    /// Mean square of the first difference per hop, in dB.
    private func hopEnergies(_ samples: [Float], hop: Int, count: Int) -> [Double] {
        var result = [Double](repeating: 0, count: count)
        samples.withUnsafeBufferPointer { buffer in
            var previous = buffer.first ?? 0
            for hopIndex in 0..<count {
                var sum: Float = 0
                let start = hopIndex * hop
                for position in start..<(start + hop) {
                    let value = buffer[position]
                    let difference = value - previous
                    sum += difference * difference
                    previous = value
                }
                result[hopIndex] = Self.decibels(Double(sum) / Double(hop))
            }
        }
        return result
    }

    /// The floor for each hop: a low percentile of the hops before it. The first second has no
    /// history, so it uses the first second itself.
    private func noiseFloors(_ energy: [Double]) -> [Double] {
        let window = max(4, floorWindowMs / 5)
        let startup = Self.percentile(Array(energy.prefix(window)), floorPercentile)
        var floors = [Double](repeating: startup, count: energy.count)
        var history: [Double] = []
        history.reserveCapacity(window)
        // A sorted copy of the window, updated by binary insertion and removal.
        var sorted: [Double] = []
        sorted.reserveCapacity(window)
        for index in 0..<energy.count {
            if history.count >= window / 4 {
                floors[index] = sorted[Int(Double(sorted.count - 1) * floorPercentile)]
            }
            history.append(energy[index])
            sorted.insert(energy[index], at: Self.insertionIndex(sorted, energy[index]))
            if history.count > window {
                let removed = history.removeFirst()
                sorted.remove(at: Self.insertionIndex(sorted, removed))
            }
        }
        return floors
    }

    /// The first sample, searching from two hops before the detected one, whose absolute
    /// difference crosses a level halfway (in dB) between the floor and the burst's peak energy.
    private func refineOnset(_ samples: [Float], hop: Int, detectedHop: Int, floorDB: Double, peakDB: Double) -> Int {
        let levelDB = (floorDB + peakDB) / 2
        // Energy is a mean square; a single difference sample at this amplitude has that power.
        let threshold = Float(Self.amplitude(decibels: levelDB))
        let start = max(1, (detectedHop - 2) * hop)
        let end = min(samples.count, (detectedHop + 1) * hop)
        var position = start
        while position < end {
            if abs(samples[position] - samples[position - 1]) >= threshold { return position }
            position += 1
        }
        return detectedHop * hop
    }

    private func peakLevel(_ samples: [Float], from start: Int, length: Int) -> Double {
        var peak: Float = 0
        for position in start..<min(samples.count, start + length) {
            peak = max(peak, abs(samples[position]))
        }
        return Self.decibels(Double(peak * peak))
    }

    /// Power in dB, floored at -200 dB for silence.
    static func decibels(_ power: Double) -> Double {
        power > 1e-20 ? 10 * log10(power) : -200
    }

    static func amplitude(decibels: Double) -> Double {
        pow(10, decibels / 20)
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return -200 }
        let sorted = values.sorted()
        return sorted[Int(Double(sorted.count - 1) * fraction)]
    }

    private static func insertionIndex(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
