/// How frame files written out are named.
package enum FrameFileName {
    /// Milliseconds padded to six digits so that names sort by time: `005480`.
    package static func paddedMs(_ ms: Int64) -> String {
        let digits = String(ms)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }
}
