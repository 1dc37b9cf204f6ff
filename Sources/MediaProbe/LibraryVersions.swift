internal import CFFmpeg

/// The FFmpeg library versions this process is linked against, as `major.minor.micro`.
public enum LibraryVersions {
    public static var avformat: String { format(avformat_version()) }
    public static var avcodec: String { format(avcodec_version()) }
    public static var avutil: String { format(avutil_version()) }

    private static func format(_ packed: UInt32) -> String {
        "\(packed >> 16).\((packed >> 8) & 0xFF).\(packed & 0xFF)"
    }
}
