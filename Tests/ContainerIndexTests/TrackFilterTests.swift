import ContainerIndex
import FootageModel
import Foundation
import TestSupport
import Testing

@Suite struct TrackFilterTests {
    @Test func onlyTheAskedTracksAreExpanded() throws {
        let clip = try Fixtures.make("filter-av.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=96x64:r=25:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-bf", "2", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
        ])
        let whole = try #require(try ContainerIndexReader.read(path: clip.path))
        let descriptor = open(clip.path, O_RDONLY)
        #expect(descriptor >= 0)
        let filtered = try #require(try ContainerIndexReader.read(adopting: descriptor, path: clip.path, handlers: ["vide"]))
        #expect(filtered.tracks.map(\.handler) == ["vide", "soun"])
        #expect(filtered.tracks.map(\.streamIndex) == [0, 1])
        #expect(filtered.tracks[0] == whole.tracks[0])
        #expect(filtered.tracks[1].packets.isEmpty)
        #expect(filtered.tracks[1].limitation == ContainerIndexReader.notExpanded)
        #expect(IndexedKeyframes.list(filtered) == IndexedKeyframes.list(whole))
        #expect(IndexedKeyframes.list(whole)?.count == 1)
    }
}
