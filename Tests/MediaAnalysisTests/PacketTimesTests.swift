import CFFmpeg
import Foundation
@testable import MediaAnalysis
import MediaProbe
import TestSupport
import Testing

/// Frame indexes and keyframe times come from an MP4's sample tables without reading the file;
/// they must be what a demux pass over the whole file gives.
@Suite struct PacketTimesTests {
    @Test(arguments: ["bframes", "vfr", "offset", "hevc"])
    func theIndexGivesWhatAScanGives(fixture: String) throws {
        let url = switch fixture {
        case "bframes": try FrameFixtures.h264BFrames()
        case "vfr": try FrameFixtures.variableFrameRate()
        case "offset": try FrameFixtures.nonZeroStart()
        default: try SplitFixtures.hevc()
        }
        let input = try MediaInput(path: url.path, videoOnly: true)
        let stream = try #require(input.bestStream(AVMEDIA_TYPE_VIDEO))
        // The MP4's own index answers, not a scan.
        #expect(IndexedStreamPackets.packets(of: input.format, path: url.path, streamIndex: Int(stream.pointee.index)) != nil)
        let scanned = try PacketTimes.scan(path: url.path, streamIndex: stream.pointee.index)
        let read = try PacketTimes.read(input, streamIndex: stream.pointee.index)
        #expect(!scanned.presentation.isEmpty && !scanned.keyframes.isEmpty)
        #expect(read.presentation == scanned.presentation)
        #expect(read.keyframes == scanned.keyframes)
    }

    @Test func anotherContainerIsScanned() throws {
        let url = try FrameFixtures.vp9()
        let input = try MediaInput(path: url.path, videoOnly: true)
        let stream = try #require(input.bestStream(AVMEDIA_TYPE_VIDEO))
        #expect(IndexedStreamPackets.packets(of: input.format, path: url.path, streamIndex: Int(stream.pointee.index)) == nil)
        let read = try PacketTimes.read(input, streamIndex: stream.pointee.index)
        #expect(read.presentation == (try PacketTimes.scan(path: url.path, streamIndex: stream.pointee.index)).presentation)
    }
}
