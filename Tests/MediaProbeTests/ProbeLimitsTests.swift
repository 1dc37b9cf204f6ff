import FootageModel
import Foundation
import MediaProbe
import Testing

/// The default whitelist holds real containers only: nothing that opens other files or URLs
/// named inside the file, and no device or filter input.
@Test func defaultWhitelistHasNoPlaylistConcatNetworkOrDeviceDemuxers() {
    let whitelist = Set(ProbeLimits.default.formatWhitelist)
    let dangerous: Set = ["hls", "applehttp", "concat", "dash", "image2", "image2pipe", "rtsp", "rtp", "sdp",
                          "lavfi", "tee", "ffmetadata", "v4l2", "alsa", "x11grab", "smjpeg", "mpjpeg", "data"]
    #expect(whitelist.isDisjoint(with: dangerous))
    for name in ["mov", "mp4", "m4a", "3gp", "matroska", "webm", "mpegts", "avi", "flv", "ogg", "wav", "mp3", "aac", "mpeg"] {
        #expect(whitelist.contains(name), "\(name)")
    }
}

@Test func limitsAreRecordedInTheToolBlock() {
    let record = ProbeLimits.default.record
    #expect(record.probeSize == 5_000_000)
    #expect(record.analyzeDurationMicroseconds == 5_000_000)
    #expect(record.maxStreams == 64)
    #expect(record.formatWhitelist == ProbeLimits.default.formatWhitelist)
}
