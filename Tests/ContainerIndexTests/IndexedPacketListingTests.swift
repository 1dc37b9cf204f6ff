import ContainerIndex
import FootageModel
import Foundation
@testable import MediaProbe
import TestSupport
import Testing

/// `--packets` from an MP4/MOV's sample tables lists exactly what a demux scan lists, in the same
/// order, and what ffprobe lists.
@Suite struct IndexedPacketListingTests {
    static let catalogueFixtures = FixtureCatalogue.all.filter {
        ["h264-aac.mp4", "rotated.mov", "vfr.mp4", "offset.mp4", "edit-list.mp4", "aac.m4a", "video-only.mp4"].contains($0.name)
    }

    @Test(arguments: IndexFixture.allCases.filter { ![.pcm16, .pcm24].contains($0) })
    func indexListingEqualsScanListing(_ fixture: IndexFixture) throws {
        try expectIndexListingEqualsScan(try fixture.make().path)
    }

    @Test(arguments: catalogueFixtures)
    func catalogueListingEqualsScanListing(_ fixture: FixtureCatalogue.Entry) throws {
        try expectIndexListingEqualsScan(try fixture.make().path)
    }

    /// The order across tracks is ffprobe's too: the same stream, timestamps, size and position at
    /// every place in the list.
    @Test(arguments: [IndexFixture.bFrames, .editList, .outputOffset, .quickTime])
    func orderMatchesFFprobe(_ fixture: IndexFixture) throws {
        let url = try fixture.make()
        let ours = try Prober.packets(path: url.path).map { "\($0.streamIndex) \($0.pts ?? -1) \($0.dts ?? -1) \($0.duration ?? 0) \($0.size) \($0.pos ?? "-") \($0.flags)" }
        let data = try Fixtures.run("ffprobe", ["-v", "error", "-show_entries", "packet=stream_index,pts,dts,duration,size,pos,flags",
                                                "-of", "csv=p=0", url.path])
        let theirs = String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // csv order: stream_index, pts, dts, duration, size, pos, flags
            return "\(f[0]) \(f[1]) \(f[2]) \(f[3].isEmpty ? "0" : f[3]) \(f[4]) \(f[5].isEmpty ? "-" : f[5]) \(f[6])"
        }
        #expect(ours.count == theirs.count)
        let first = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(first == nil, "packet \(first?.offset ?? -1): ours \(first?.element.0 ?? "") ffprobe \(first?.element.1 ?? "")")
    }

    @Test func aLimitCutsTheListingWhereTheScanStops() throws {
        let path = try IndexFixture.bFrames.make().path
        var limits = ProbeLimits.default
        limits.maxScanPackets = 10
        let format = try Prober.open(path, limits: limits)
        let listing = try #require(IndexedPacketListing.listing(format, path: path, limit: limits.maxScanPackets))
        #expect(listing == Array(try Prober.packets(path: path, limits: limits, forceScan: true)))
        #expect(listing.count == 10)
    }

    @Test func aCutFileIsListedByTheScan() throws {
        let bytes = try Data(contentsOf: IndexFixture.fastStart.make())
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("listing-cut-\(UUID().uuidString).mp4")
        try bytes.prefix(bytes.count / 2).write(to: cut)
        defer { try? FileManager.default.removeItem(at: cut) }
        let format = try Prober.open(cut.path, limits: .default)
        #expect(IndexedPacketListing.listing(format, path: cut.path, limit: 1_000) == nil)
        #expect(try !Prober.packets(path: cut.path).isEmpty)
    }

    private func expectIndexListingEqualsScan(_ path: String) throws {
        let format = try Prober.open(path, limits: .default)
        let fromIndex = try #require(IndexedPacketListing.listing(format, path: path, limit: ProbeLimits.default.maxScanPackets),
                                     "the index answers for \(path)")
        let fromScan = try Prober.packets(path: path, forceScan: true)
        #expect(fromIndex.count == fromScan.count)
        let first = zip(fromIndex, fromScan).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(first == nil, "packet \(first?.offset ?? -1): index \(first.map { "\($0.element.0)" } ?? "") scan \(first.map { "\($0.element.1)" } ?? "")")
        #expect(try Prober.packets(path: path) == fromIndex)
    }
}
