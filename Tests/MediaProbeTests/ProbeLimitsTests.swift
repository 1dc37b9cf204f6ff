import FootageModel
import Foundation
import MediaProbe
import TestSupport
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

/// A scan that reaches its packet limit stops there and says so, rather than running on.
@Test func scanStopsAtItsPacketLimitAndSaysSo() throws {
    var limits = ProbeLimits.default
    limits.maxScanPackets = 10
    let record = try Prober.probe(path: FixtureCatalogue.mpegTS().path, limits: limits)
    let timeline = try #require(record.timeline)
    #expect(timeline.streams.map(\.packetCount).reduce(0, +) == 10)
    #expect(timeline.warnings.contains { $0.kind == .scanLimitReached })
    #expect(record.tool?.limits.maxScanPackets == 10)
}
