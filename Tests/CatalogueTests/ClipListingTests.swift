@testable import Catalogue
import FootageModel
import Foundation
import TestSupport
import Testing

@Suite struct ClipListingTests {
    /// What the borrowed listing rows say, copied out while they are valid.
    private struct Copied: Equatable {
        var digest: String
        var size: Int64
        var micros: Int64?
        var failure: String?
        var source: [UInt8]
        var name: [UInt8]
    }

    private func listing(_ catalogue: Catalogue) throws -> [Copied] {
        var rows: [Copied] = []
        try catalogue.forEachClipListing { entry in
            rows.append(Copied(digest: String(decoding: entry.digestHex, as: UTF8.self), size: entry.size,
                               micros: entry.durationMicroseconds,
                               failure: entry.probeFailure.map { String(decoding: $0, as: UTF8.self) },
                               source: Array(entry.source), name: Array(entry.originalName)))
            return true
        }
        return rows
    }

    @Test func listingRowsAgreeWithTheClipSummaries() async throws {
        let test = try TestCatalogue()
        let clip = try FixtureCatalogue.h264AACMP4()
        let notMedia = test.scratch.path("notes\nö.txt")
        try Data("not a clip".utf8).write(to: URL(fileURLWithPath: notMedia))
        _ = await test.register([clip.path], source: "https://example.org/ü")
        _ = await test.register([notMedia], source: "https://example.org/text")

        let rows = try listing(test.catalogue)
        let summaries = try test.catalogue.clipSummaries()
        #expect(rows.count == 2)
        #expect(rows == summaries.map { summary in
            Copied(digest: summary.digest.hex, size: summary.size,
                   micros: summary.duration?.rescaled(to: ClipProbeFacts.durationTimeBase).pts,
                   failure: summary.probeFailure, source: Array(summary.sourceURL.utf8), name: summary.originalName.bytes)
        })
        // What the fixture was made to be: a 2-second clip, and a text file the probe refuses.
        let media = try #require(rows.first)
        #expect(abs(Double(try #require(media.micros)) / 1_000_000 - 2.0) < 0.1)
        #expect(media.digest == (try sha256sum(clip.path)))
        let text = try #require(rows.last)
        #expect(text.micros == nil && text.failure != nil)
        #expect(text.name == Array("notes\nö.txt".utf8))
    }

    @Test func listingStopsWhenAskedTo() async throws {
        let test = try TestCatalogue()
        for n in 1...3 {
            let path = test.scratch.path("file-\(n).bin")
            try Data("file \(n)".utf8).write(to: URL(fileURLWithPath: path))
            _ = await test.register([path])
        }
        var seen = 0
        try test.catalogue.forEachClipListing { _ in
            seen += 1
            return seen < 2
        }
        #expect(seen == 2)
    }
}
