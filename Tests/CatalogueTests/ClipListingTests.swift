@testable import Catalogue
import FootageModel
import Foundation
import GRDB
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

/// The listing read in two halves on two connections gives what one scan gives, from one snapshot.
@Suite struct ClipListingHalvesTests {
    /// A catalogue with `count` clips written straight into the table (the listing reads only it).
    private func catalogue(clips count: Int) throws -> TestCatalogue {
        let test = try TestCatalogue()
        try test.catalogue.write { db in
            for n in 1...count { try insertClip(n, db) }
        }
        return test
    }

    private func insertClip(_ n: Int, _ db: Database) throws {
        let digest = String(repeating: "0", count: 56) + String(format: "%08x", n)
        try db.execute(sql: """
            INSERT INTO clips (digest, size, in_vault, registered_at, listed_source, listed_name, listed_duration_us)
            VALUES (?, ?, 1, '2026-11-26T00:00:00.000Z', ?, ?, ?)
            """, arguments: [digest, n * 10, "https://example.org/\(n)", Data("clip-\(n).mp4".utf8), n % 3 == 0 ? nil : n * 1000])
    }

    private func line(_ entry: ClipListingEntry) -> String {
        "\(String(decoding: entry.digestHex, as: UTF8.self)) \(entry.size) \(entry.durationMicroseconds.map(String.init) ?? "-") "
            + String(decoding: entry.source, as: UTF8.self) + " " + String(decoding: entry.originalName, as: UTF8.self)
    }

    private func oneScan(_ catalogue: Catalogue) throws -> [String] {
        var lines: [String] = []
        try catalogue.forEachClipListing { entry in
            lines.append(line(entry))
            return true
        }
        return lines
    }

    @Test(arguments: [2, 3, 101])
    func twoHalvesMakeTheWholeListingInOrder(clips: Int) throws {
        let test = try catalogue(clips: clips)
        var earlier: [String] = []
        let later = try test.catalogue.forEachClipListing(earlier: { entry in
            earlier.append(line(entry))
            return true
        }, later: { rows in
            var lines: [String] = []
            rows.forEach { entry in
                lines.append(line(entry))
                return true
            }
            return lines
        }, splitFrom: 2)
        let second = try #require(later)
        #expect(!earlier.isEmpty && !second.isEmpty)
        #expect(earlier + second == (try oneScan(test.catalogue)))
        #expect(earlier.count + second.count == clips)
    }

    @Test func aSmallCatalogueIsReadInOnePiece() throws {
        let test = try catalogue(clips: 5)
        var earlier: [String] = []
        let later = try test.catalogue.forEachClipListing(earlier: { entry in
            earlier.append(line(entry))
            return true
        }, later: { _ in true })
        #expect(later == nil)
        #expect(earlier == (try oneScan(test.catalogue)))
    }

    /// A commit between the two looks at the data version means the halves might not see the
    /// same catalogue: the later half is dropped and the first connection lists every clip.
    @Test func aCommitBetweenTheLooksMakesOneConnectionListEverything() throws {
        let test = try catalogue(clips: 40)
        var earlier: [String] = []
        let later = try test.catalogue.forEachClipListing(earlier: { entry in
            earlier.append(line(entry))
            return true
        }, later: { rows in
            var count = 0
            rows.forEach { _ in
                count += 1
                return true
            }
            return count
        }, splitFrom: 2, betweenLooks: {
            try? test.catalogue.write { db in try insertClip(41, db) }
        })
        #expect(later == nil)
        #expect(earlier.count == 41)
        #expect(earlier == (try oneScan(test.catalogue)))
    }

    @Test func theListingEndsWhenTheFirstHalfSaysSo() throws {
        let test = try catalogue(clips: 50)
        var seen = 0
        let later = try test.catalogue.forEachClipListing(earlier: { _ in
            seen += 1
            return seen < 3
        }, later: { rows in
            rows.forEach { _ in true }
            return true
        }, splitFrom: 2)
        #expect(seen == 3)
        #expect(later == nil)
    }
}
