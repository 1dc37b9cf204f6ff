public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Broken and hostile files for the isolation tests, each made on demand in a scratch folder from
/// a description of what it is (never committed).
public enum HostileInputs {
    /// Plain text under a media name.
    public static func textNamedMP4(in folder: ScratchFolder) throws -> String {
        try folder.write("notes.mp4", Data(String(repeating: "these are notes, not a video\n", count: 40).utf8))
    }

    /// Bytes from a fixed-seed generator (xorshift), so every run sees the same garbage.
    public static func randomBytes(in folder: ScratchFolder, count: Int = 65_536) throws -> String {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            bytes.append(UInt8(truncatingIfNeeded: state))
        }
        return try folder.write("noise.mp4", Data(bytes))
    }

    /// An HLS playlist named `.mp4` whose one segment is `segment` (an absolute path).
    public static func hlsPlaylistNamedMP4(listing segment: String, in folder: ScratchFolder) throws -> String {
        let playlist = """
        #EXTM3U
        #EXT-X-VERSION:3
        #EXT-X-TARGETDURATION:2
        #EXT-X-MEDIA-SEQUENCE:0
        #EXTINF:2.0,
        file:\(segment)
        #EXT-X-ENDLIST

        """
        return try folder.write("playlist.mp4", Data(playlist.utf8))
    }

    /// An ffconcat script named `.mp4` that lists `listed` (absolute paths).
    public static func ffconcatNamedMP4(listing listed: [String], in folder: ScratchFolder) throws -> String {
        let script = (["ffconcat version 1.0"] + listed.map { "file '\($0)'" }).joined(separator: "\n") + "\n"
        return try folder.write("concat.mp4", Data(script.utf8))
    }

    /// A named pipe; opening it for reading would block until a writer appears.
    public static func fifo(_ name: String, in folder: ScratchFolder) throws -> String {
        let path = folder.path(name)
        guard mkfifo(path, 0o644) == 0 else {
            throw FixtureError.failed("mkfifo \(path) failed: errno \(errno)")
        }
        return path
    }

    /// A copy of `source` holding only its first `fraction` of bytes.
    public static func truncatedCopy(of source: URL, keeping fraction: Double, name: String,
                                     in folder: ScratchFolder) throws -> String {
        let data = try Data(contentsOf: source)
        return try folder.write(name, data.prefix(Int(Double(data.count) * fraction)))
    }
}
