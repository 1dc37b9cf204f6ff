import Crypto
import Foundation
import FootageModel
import TestSupport

/// What the `ffprobe` and `ffmpeg` commands say a clip contains: the independent oracle for the
/// frame at a time.
enum GroundTruth {
    struct VideoFrames {
        var timeBase: Rational
        var width: Int
        var height: Int
        /// Presentation timestamps of the decoded frames in the order a full decode presents them.
        var pts: [Int64]

        /// Index of the frame on screen at `ms` player milliseconds: the last one presented at or
        /// before it, counted from the first presented frame.
        func index(atPlayerMs ms: Int64) -> Int {
            let origin = pts[0]
            var found = 0
            for (index, value) in pts.enumerated()
            where (value - origin) * 1000 * timeBase.numerator <= ms * timeBase.denominator {
                found = index
            }
            return found
        }

        /// Player time in milliseconds of frame `index`, rounded up (so it falls on that frame).
        func playerMsCeiling(_ index: Int) -> Int64 {
            let scaled = (pts[index] - pts[0]) * 1000 * timeBase.numerator
            return (scaled + timeBase.denominator - 1) / timeBase.denominator
        }
    }

    static func videoFrames(_ url: URL) throws -> VideoFrames {
        let stream = String(decoding: try Fixtures.run("ffprobe", [
            "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=time_base,width,height",
            "-of", "csv=p=0:nk=0", url.path,
        ]), as: UTF8.self)
        var fields: [String: String] = [:]
        for pair in stream.split(whereSeparator: { $0 == "," || $0.isNewline }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        let listing = try Fixtures.run("ffprobe", [
            "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=best_effort_timestamp",
            "-of", "json", url.path,
        ])
        let object = try JSONSerialization.jsonObject(with: listing) as? [String: Any]
        let frames = object?["frames"] as? [[String: Any]] ?? []
        let pts = frames.compactMap { ($0["best_effort_timestamp"] as? NSNumber)?.int64Value }
        return VideoFrames(timeBase: Rational(parsing: fields["time_base"] ?? "") ?? Rational(1, 1),
                           width: Int(fields["width"] ?? "") ?? 0, height: Int(fields["height"] ?? "") ?? 0, pts: pts)
    }

    /// SHA-256 of each listed frame (by index in a full decode from the start) as rgb24, decoded
    /// and converted by the `ffmpeg` command.
    static func rgbSHA256(_ url: URL, indices: [Int], width: Int, height: Int) throws -> [Int: String] {
        let wanted = Array(Set(indices)).sorted()
        let expression = wanted.map { "eq(n\\,\($0))" }.joined(separator: "+")
        let raw = try Fixtures.run("ffmpeg", [
            "-v", "error", "-i", url.path, "-vf", "select=\(expression)", "-fps_mode", "passthrough",
            "-pix_fmt", "rgb24", "-f", "rawvideo", "-",
        ])
        let size = width * height * 3
        var result: [Int: String] = [:]
        for (position, index) in wanted.enumerated() where (position + 1) * size <= raw.count {
            let slice = raw[raw.startIndex + position * size ..< raw.startIndex + (position + 1) * size]
            result[index] = SHA256.hash(data: slice).map { String(format: "%02x", $0) }.joined()
        }
        return result
    }
}
