import FootageModel
import Foundation
import MediaProbe
@testable import ProbeWorkerService
import Testing

/// The worker's hand-written packet JSON reads back as the same entries `JSONEncoder` would give.
struct PacketListingJSONTests {
    @Test func aRealListingReadsBackUnchanged() throws {
        let packets = try Prober.packets(path: PoolSupport.smallClip().path)
        #expect(packets.count == 25)
        let decoded = try JSONDecoder().decode([PacketListingEntry].self, from: Data(PacketListingJSON.encode(packets)))
        #expect(decoded == packets)
    }

    @Test func absentMembersAndAwkwardTextRoundTrip() throws {
        let entries = [
            PacketListingEntry(codecType: nil, streamIndex: 3, pts: nil, ptsTime: nil, dts: -512, dtsTime: "-0.040000",
                               duration: nil, durationTime: nil, size: "0", pos: nil, flags: "_D"),
            PacketListingEntry(codecType: "a \"quoted\" \\ type\n\t\u{01}é/", streamIndex: 0, pts: Int64.max, ptsTime: "1.0",
                               dts: Int64.min, dtsTime: "x", duration: 1, durationTime: "0.000001", size: "12", pos: "48", flags: "K_"),
        ]
        let decoded = try JSONDecoder().decode([PacketListingEntry].self, from: Data(PacketListingJSON.encode(entries)))
        #expect(decoded == entries)
        #expect(try JSONDecoder().decode([PacketListingEntry].self, from: Data(PacketListingJSON.encode([]))).isEmpty)
    }
}
