import Foundation

/// A 64-bit DCT perceptual hash: the picture is reduced to 32×32 grey, transformed with a 2-D
/// DCT, and each of the 8×8 lowest frequencies becomes one bit, set when the coefficient is above
/// their median. Re-encoding, scaling and mild colour changes flip few bits; other content flips
/// about half.
public enum PerceptualHash {
    static let size = 32
    static let kept = 8

    /// cos((2x+1)uπ/64) for the 8 kept frequencies u and the 32 positions x.
    static let basis: [Double] = {
        var table = [Double](repeating: 0, count: kept * size)
        for u in 0..<kept {
            for x in 0..<size {
                table[u * size + x] = cos(Double(2 * x + 1) * Double(u) * Double.pi / Double(2 * size))
            }
        }
        return table
    }()

    public static func hash(_ plane: LumaPlane) -> UInt64 {
        let grey = plane.resampled(width: size, height: size)
        // Rows first (32 rows × 8 frequencies), then columns of that (8 × 8).
        var rows = [Double](repeating: 0, count: size * kept)
        for y in 0..<size {
            for u in 0..<kept {
                var sum = 0.0
                for x in 0..<size { sum += grey[y * size + x] * basis[u * size + x] }
                rows[y * kept + u] = sum
            }
        }
        var coefficients = [Double](repeating: 0, count: kept * kept)
        for v in 0..<kept {
            for u in 0..<kept {
                var sum = 0.0
                for y in 0..<size { sum += rows[y * kept + u] * basis[v * size + y] }
                coefficients[v * kept + u] = sum
            }
        }
        // The DC term says only how bright the picture is; leave it out of the median.
        let median = coefficients.dropFirst().sorted()[(coefficients.count - 1) / 2]
        var bits: UInt64 = 0
        for (index, value) in coefficients.enumerated() where value > median {
            bits |= 1 << UInt64(index)
        }
        return bits
    }

    /// Number of differing bits between two hashes (0 same picture, about 32 unrelated).
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int {
        (a ^ b).nonzeroBitCount
    }
}
