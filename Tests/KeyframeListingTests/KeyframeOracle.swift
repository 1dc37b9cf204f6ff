import Foundation
import TestSupport

/// What ffprobe says a file's keyframes are, and what `footage probe --keyframes` prints, in one
/// comparable form.
struct KeyframeTriple: Hashable, CustomStringConvertible {
    var stream: Int
    var pts: Int64
    var ptsTime: String
    var timeBase: String

    var description: String { "\(stream):\(pts)@\(timeBase)=\(ptsTime)" }
}

enum KeyframeOracle {
    /// `ffprobe -skip_frame nokey -select_streams v -show_frames`, each frame with its stream's
    /// time base, ordered stream by stream and by pts within a stream.
    static func ffprobe(_ path: String) throws -> [KeyframeTriple] {
        let data = try ChildProcess.output(of: "ffprobe", [
            "-v", "error", "-skip_frame", "nokey", "-select_streams", "v", "-show_frames",
            "-show_entries", "frame=stream_index,pts,pts_time:stream=index,time_base", "-of", "json", path,
        ])
        let document = try require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let streams = document["streams"] as? [[String: Any]] ?? []
        var timeBases: [Int: String] = [:]
        for stream in streams {
            if let index = stream["index"] as? Int, let timeBase = stream["time_base"] as? String { timeBases[index] = timeBase }
        }
        let frames = document["frames"] as? [[String: Any]] ?? []
        return try frames.map { frame in
            let stream = try require(frame["stream_index"] as? Int)
            return KeyframeTriple(stream: stream, pts: try require((frame["pts"] as? NSNumber)?.int64Value),
                                  ptsTime: try require(frame["pts_time"] as? String), timeBase: timeBases[stream] ?? "?")
        }.sorted { ($0.stream, $0.pts) < ($1.stream, $1.pts) }
    }

    /// The `keyframes` array of one document as printed.
    static func ours(_ keyframes: Any?) throws -> [KeyframeTriple] {
        let list = try require(keyframes as? [[String: Any]])
        return try list.map { entry in
            KeyframeTriple(stream: try require(entry["stream_index"] as? Int),
                           pts: try require((entry["pts"] as? NSNumber)?.int64Value),
                           ptsTime: try require(entry["pts_time"] as? String),
                           timeBase: try require(entry["time_base"] as? String))
        }
    }
}

/// `#require` outside a test function: throws instead of recording.
func require<Value>(_ value: Value?, _ what: String = "a value") throws -> Value {
    guard let value else { throw FixtureError.failed("expected \(what)") }
    return value
}
