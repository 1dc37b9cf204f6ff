import FootageModel
import Foundation
import TestSupport

/// What `ffprobe` (the independent oracle) says a file's packets are.
struct OraclePacket: Hashable, CustomStringConvertible {
    var pts: Int64?
    var dts: Int64?
    var duration: Int64
    var size: Int
    var position: Int64?
    var isKeyframe: Bool
    var isDiscarded: Bool

    var description: String {
        "pts \(pts.map(String.init) ?? "-") dts \(dts.map(String.init) ?? "-") dur \(duration) size \(size) pos \(position.map(String.init) ?? "-")\(isKeyframe ? " K" : "")\(isDiscarded ? " D" : "")"
    }
}

enum FFprobeOracle {
    /// `ffprobe -show_packets -of json`, grouped by stream index.
    static func packets(_ url: URL) throws -> [Int: [OraclePacket]] {
        let data = try Fixtures.run("ffprobe", ["-v", "error", "-show_packets", "-show_entries",
                                                "packet=stream_index,pts,dts,duration,size,pos,flags", "-of", "json", url.path])
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let list = root?["packets"] as? [[String: Any]] ?? []
        var byStream: [Int: [OraclePacket]] = [:]
        for item in list {
            let stream = item["stream_index"] as? Int ?? -1
            let flags = item["flags"] as? String ?? ""
            byStream[stream, default: []].append(OraclePacket(
                pts: (item["pts"] as? NSNumber)?.int64Value,
                dts: (item["dts"] as? NSNumber)?.int64Value,
                duration: (item["duration"] as? NSNumber)?.int64Value ?? 0,
                size: Int(item["size"] as? String ?? "") ?? -1,
                position: Int64(item["pos"] as? String ?? ""),
                isKeyframe: flags.contains("K"),
                isDiscarded: flags.contains("D")))
        }
        return byStream
    }

    /// Presentation times of video keyframes as ffprobe decodes them
    /// (`-skip_frame nokey -show_frames`), in seconds as printed.
    static func keyframeTimes(_ url: URL) throws -> [String] {
        let data = try Fixtures.run("ffprobe", ["-v", "error", "-skip_frame", "nokey", "-select_streams", "v:0",
                                                "-show_frames", "-show_entries", "frame=pts_time", "-of", "csv=p=0", url.path])
        // Side data may follow the time on the same line.
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { String($0.prefix { $0 != "," }) }
    }
}

