public import Foundation

/// One generated clip per container and timing case the probe must read, each made with the
/// `ffmpeg` command and described by what it was made to contain.
public enum FixtureCatalogue {
    /// A named fixture, so that parameterised tests print which clip they are on.
    public struct Entry: Sendable, CustomStringConvertible {
        public let name: String
        public let make: @Sendable () throws -> URL
        public var description: String { name }
    }

    /// Made with frame rate 25 and a first frame lasting 1/25 s.
    public static let frameRate = 25
    /// The rotation, creation time and location written into `rotatedMOV()`.
    public static let rotation = 90
    public static let creationTime = "2024-03-01T10:00:00.000000Z"
    public static let location = "+48.4647+035.0462/"
    /// The Apple QuickTime keys written into `appleMetadataMOV()`.
    public static let appleCreationDate = "2024-03-01T12:00:00+0200"
    public static let appleLocation = "+48.4647+035.0462+152.300/"
    /// `editListMP4()` delays its video by this much with an empty edit.
    public static let videoDelaySeconds = 0.5
    /// `offsetMP4()` starts its video at this time (`-output_ts_offset`).
    public static let outputOffsetSeconds = 10.0

    public static let all: [Entry] = [
        Entry(name: "h264-aac.mp4", make: h264AACMP4),
        Entry(name: "rotated.mov", make: rotatedMOV),
        Entry(name: "hevc.mkv", make: hevcMKV),
        Entry(name: "vp9-opus.webm", make: vp9OpusWebM),
        Entry(name: "h264-mp2.ts", make: mpegTS),
        Entry(name: "mpeg4-pcm.avi", make: mpeg4PCMAVI),
        Entry(name: "vfr.mp4", make: variableFrameRateMP4),
        Entry(name: "offset.mp4", make: offsetMP4),
        Entry(name: "edit-list.mp4", make: editListMP4),
        Entry(name: "aac.m4a", make: audioOnlyM4A),
        Entry(name: "pcm.wav", make: audioOnlyWAV),
        Entry(name: "video-only.mp4", make: videoOnlyMP4),
    ]

    /// More containers and stream kinds real footage arrives in: field-by-field agreement with
    /// ffprobe is checked on these too.
    public static let more: [Entry] = [
        Entry(name: "mp3", make: mp3),
        Entry(name: "flv", make: flv),
        Entry(name: "ogg", make: theoraVorbisOGG),
        Entry(name: "mpeg-ps", make: mpegPS),
        Entry(name: "colour-10bit.mkv", make: colourTaggedMKV),
        Entry(name: "interlaced.ts", make: interlacedMPEG2TS),
        Entry(name: "subtitles.mkv", make: subtitledMKV),
        Entry(name: "3gp", make: threeGP),
        Entry(name: "cover.mp3", make: mp3WithCoverArt),
        Entry(name: "apple-keys.mov", make: appleMetadataMOV),
    ]

    private static func video(_ seconds: Double = 2, size: String = "320x240") -> [String] {
        ["-f", "lavfi", "-i", "testsrc2=s=\(size):r=\(frameRate):d=\(seconds)"]
    }

    private static func tone(_ seconds: Double = 2, rate: Int = 48000) -> [String] {
        ["-f", "lavfi", "-i", "sine=f=440:sample_rate=\(rate):d=\(seconds)"]
    }

    private static let x264 = ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]

    /// H.264 (with B-frames) and AAC in MP4, 2 s at 25 fps, 320×240.
    @Sendable public static func h264AACMP4() throws -> URL {
        try Fixtures.make("h264-aac.mp4", video() + tone() + x264 + ["-c:a", "aac", "-b:a", "96k"])
    }

    /// H.264 + AAC in MOV with a display matrix for 90°, `creation_time` and an ISO 6709 location,
    /// written by stream copy (the muxer writes the matrix only then).
    @Sendable public static func rotatedMOV() throws -> URL {
        let base = try h264AACMP4()
        return try Fixtures.make("rotated.mov", [
            "-i", base.path, "-map", "0", "-c", "copy",
            "-metadata:s:v:0", "rotate=\(rotation)",
            "-metadata", "creation_time=\(creationTime)",
            "-metadata", "location=\(location)",
        ])
    }

    /// HEVC in Matroska, 1 s, no audio.
    @Sendable public static func hevcMKV() throws -> URL {
        try Fixtures.make("hevc.mkv", video(1, size: "160x120") + [
            "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p",
        ])
    }

    /// VP9 and Opus in WebM, 1 s.
    @Sendable public static func vp9OpusWebM() throws -> URL {
        try Fixtures.make("vp9-opus.webm", video(1, size: "160x120") + tone(1) + [
            "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k",
            "-c:a", "libopus", "-b:a", "48k",
        ])
    }

    /// H.264 and MPEG audio layer 2 in MPEG-TS: starts at a non-zero time, as transport streams do.
    @Sendable public static func mpegTS() throws -> URL {
        try Fixtures.make("h264-mp2.ts", video() + tone() + x264 + ["-c:a", "mp2", "-b:a", "128k"])
    }

    /// MPEG-4 Part 2 video and 16-bit PCM in AVI.
    @Sendable public static func mpeg4PCMAVI() throws -> URL {
        try Fixtures.make("mpeg4-pcm.avi", video() + tone() + ["-c:v", "mpeg4", "-q:v", "5", "-c:a", "pcm_s16le"])
    }

    /// Variable frame rate H.264 in MP4: frames 0–9 at 25 fps, then every fifth frame (5 fps).
    @Sendable public static func variableFrameRateMP4() throws -> URL {
        try Fixtures.make("vfr.mp4", video() + [
            "-vf", "select='lt(n\\,10)+not(mod(n\\,5))'", "-fps_mode", "vfr",
        ] + x264 + ["-bf", "0"])
    }

    /// H.264 + AAC in MP4 whose video starts at `outputOffsetSeconds`.
    @Sendable public static func offsetMP4() throws -> URL {
        try Fixtures.make("offset.mp4", video() + tone() + x264 + [
            "-c:a", "aac", "-output_ts_offset", String(outputOffsetSeconds),
        ])
    }

    /// H.264 + AAC in MP4 whose video track starts `videoDelaySeconds` late through an empty edit
    /// in its edit list; the audio keeps its AAC priming edit.
    @Sendable public static func editListMP4() throws -> URL {
        let base = try h264AACMP4()
        return try Fixtures.make("edit-list.mp4", [
            "-itsoffset", String(videoDelaySeconds), "-i", base.path, "-i", base.path,
            "-map", "0:v", "-map", "1:a", "-c", "copy",
        ])
    }

    /// AAC in M4A, 2 s.
    @Sendable public static func audioOnlyM4A() throws -> URL {
        try Fixtures.make("aac.m4a", tone() + ["-c:a", "aac", "-b:a", "96k"])
    }

    /// 16-bit PCM in WAV, 2 s at 44.1 kHz.
    @Sendable public static func audioOnlyWAV() throws -> URL {
        try Fixtures.make("pcm.wav", tone(2, rate: 44100) + ["-c:a", "pcm_s16le"])
    }

    /// H.264 in MP4 without audio.
    @Sendable public static func videoOnlyMP4() throws -> URL {
        try Fixtures.make("video-only.mp4", video() + x264)
    }

    /// MP3 audio, 2 s.
    @Sendable public static func mp3() throws -> URL {
        try Fixtures.make("tone.mp3", tone(2, rate: 44100) + ["-c:a", "libmp3lame", "-b:a", "128k"])
    }

    /// H.264 and AAC in FLV.
    @Sendable public static func flv() throws -> URL {
        try Fixtures.make("clip.flv", video(1) + tone(1) + x264 + ["-c:a", "aac"])
    }

    /// Theora and Vorbis in Ogg.
    @Sendable public static func theoraVorbisOGG() throws -> URL {
        try Fixtures.make("clip.ogg", video(1, size: "160x120") + tone(1) + ["-c:v", "libtheora", "-c:a", "libvorbis"])
    }

    /// MPEG-2 video and MPEG audio in an MPEG program stream.
    @Sendable public static func mpegPS() throws -> URL {
        try Fixtures.make("clip.mpg", video(1) + tone(1) + ["-c:v", "mpeg2video", "-c:a", "mp2", "-f", "vob"])
    }

    /// 10-bit H.264 with BT.709 colour tags in Matroska.
    @Sendable public static func colourTaggedMKV() throws -> URL {
        try Fixtures.make("colour.mkv", video(1) + [
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p10le",
            "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv",
        ])
    }

    /// Interlaced MPEG-2 video (top field first) in MPEG-TS.
    @Sendable public static func interlacedMPEG2TS() throws -> URL {
        try Fixtures.make("interlaced.ts", video(1, size: "720x576") + [
            "-c:v", "mpeg2video", "-flags", "+ilme+ildct", "-top", "1", "-vf", "setfield=tff",
        ])
    }

    /// H.264 with a SubRip subtitle stream in Matroska.
    @Sendable public static func subtitledMKV() throws -> URL {
        let subtitles = Fixtures.directory.appendingPathComponent("caption.srt")
        if !FileManager.default.fileExists(atPath: subtitles.path) {
            try Data("1\n00:00:00,000 --> 00:00:00,800\nthree soldiers beside a vehicle\n".utf8).write(to: subtitles, options: .atomic)
        }
        return try Fixtures.make("subtitles.mkv", video(1) + ["-i", subtitles.path] + x264 + ["-c:s", "srt"])
    }

    /// H.263 and AAC in 3GP, as old phones wrote them.
    @Sendable public static func threeGP() throws -> URL {
        try Fixtures.make("clip.3gp", video(1, size: "176x144") + tone(1, rate: 22050) + [
            "-c:v", "h263", "-c:a", "aac", "-ac", "1", "-b:a", "32k",
        ])
    }

    /// MP3 audio with a PNG cover picture (an attached picture, not part of the presentation).
    @Sendable public static func mp3WithCoverArt() throws -> URL {
        try Fixtures.make("cover.mp3", tone(1, rate: 44100) + ["-f", "lavfi", "-i", "testsrc2=s=64x64:r=1:d=1",
            "-map", "0", "-map", "1", "-c:a", "libmp3lame", "-c:v", "png", "-frames:v", "1",
            "-disposition:v", "attached_pic", "-id3v2_version", "3"])
    }

    /// H.264 + AAC in MOV with Apple's metadata keys instead of `creation_time` and `location`:
    /// a creation date with a zone offset and an ISO 6709 location with altitude.
    @Sendable public static func appleMetadataMOV() throws -> URL {
        let base = try h264AACMP4()
        return try Fixtures.make("apple-keys.mov", [
            "-i", base.path, "-map", "0", "-c", "copy", "-movflags", "use_metadata_tags",
            "-metadata", "com.apple.quicktime.creationdate=\(appleCreationDate)",
            "-metadata", "com.apple.quicktime.location.ISO6709=\(appleLocation)",
        ])
    }
}
