import Foundation
import MediaProbe
import TestSupport
import Testing

@Test func linksFFmpeg51Libraries() {
    // Debian 12 ships FFmpeg 5.1: libavformat 59, libavcodec 59, libavutil 57.
    #expect(LibraryVersions.avformat.hasPrefix("59."))
    #expect(LibraryVersions.avcodec.hasPrefix("59."))
    #expect(LibraryVersions.avutil.hasPrefix("57."))
}

@Test func generatesTheStandInClip() throws {
    let clip = try Fixtures.standIn()
    let json = try Fixtures.run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", clip.path])
    let seconds = Double(String(decoding: json, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(abs(seconds - 9) < 0.1)
}
