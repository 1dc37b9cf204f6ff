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

    /// A 64x64 raw-video AVI whose headers (`avih` and the stream's `strf`) claim 60000x60000:
    /// 3.6 gigapixels a frame, were anything to believe them.
    public static func hugeDimensionAVI(in folder: ScratchFolder) throws -> String {
        let source = try Fixtures.make("hostile-raw-64.avi", [
            "-f", "lavfi", "-i", "color=c=gray:s=64x64:r=1:d=2", "-c:v", "rawvideo", "-pix_fmt", "gray",
        ])
        var bytes = [UInt8](try Data(contentsOf: source))
        guard let mainHeader = firstRange(of: Array("avih".utf8), in: bytes),
              let streamFormat = firstRange(of: Array("strf".utf8), in: bytes) else {
            throw FixtureError.failed("\(source.path) has no avih or strf chunk")
        }
        // avih: tag, size, then eight 32-bit fields before width and height.
        put(60_000, at: mainHeader + 8 + 32, in: &bytes)
        put(60_000, at: mainHeader + 8 + 36, in: &bytes)
        // strf (BITMAPINFOHEADER): tag, size, biSize, then biWidth and biHeight.
        put(60_000, at: streamFormat + 12, in: &bytes)
        put(60_000, at: streamFormat + 16, in: &bytes)
        return try folder.write("huge.avi", Data(bytes))
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    private static func put(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
}
