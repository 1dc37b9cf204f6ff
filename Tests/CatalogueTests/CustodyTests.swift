@testable import Catalogue
import FootageModel
import Foundation
import GRDB
import Testing

@Suite struct CustodyTests {
    @Test func eventsChainEachToThePrevious() throws {
        let test = try TestCatalogue()
        let first = try test.catalogue.appendEvent(.verified, clipID: nil, details: ["n": 1])
        let second = try test.catalogue.appendEvent(.verified, clipID: nil, details: ["n": 2])
        #expect(first.previousDigest == .zero)
        #expect(second.previousDigest == Catalogue.chainDigest(of: first))
        #expect(try test.catalogue.brokenChainLinks().isEmpty)
    }

    @Test func updateAndDeleteAreRefused() throws {
        let test = try TestCatalogue()
        try test.catalogue.appendEvent(.verified, clipID: nil, details: ["n": 1])
        #expect(throws: CatalogueError.self) {
            try test.catalogue.write { db in try db.execute(sql: "UPDATE custody_events SET actor = 'mallory'") }
        }
        #expect(throws: CatalogueError.self) {
            try test.catalogue.write { db in try db.execute(sql: "DELETE FROM custody_events") }
        }
        let actor = try test.catalogue.read { db in try String.fetchOne(db, sql: "SELECT actor FROM custody_events") }
        #expect(actor == "tester")
    }

    @Test func tamperedEventBreaksTheChain() throws {
        let test = try TestCatalogue()
        for n in 1...4 { try test.catalogue.appendEvent(.verified, clipID: nil, details: ["n": n]) }
        try test.catalogue.write { db in
            try db.execute(sql: "DROP TRIGGER custody_events_refuse_update")
            try db.execute(sql: "UPDATE custody_events SET actor = 'mallory' WHERE id = 2")
        }
        #expect(try test.catalogue.brokenChainLinks() == [3])
    }

    @Test func deletedEventBreaksTheChain() throws {
        let test = try TestCatalogue()
        for n in 1...4 { try test.catalogue.appendEvent(.verified, clipID: nil, details: ["n": n]) }
        try test.catalogue.write { db in
            try db.execute(sql: "DROP TRIGGER custody_events_refuse_delete")
            try db.execute(sql: "DELETE FROM custody_events WHERE id = 2")
        }
        #expect(try test.catalogue.brokenChainLinks() == [3])
    }

    @Test func canonicalFormIsSortedCompactJSON() {
        let event = CustodyEvent(id: 7, clipID: nil, occurredAt: "2024-01-01T00:00:00.000Z", actor: "a\"b",
                                 toolVersion: "1", action: .marked, details: "{\"x\":1}", previousDigest: .zero)
        let form = Catalogue.canonicalForm(of: event)
        #expect(form == "{\"action\":\"marked\",\"actor\":\"a\\\"b\",\"clip\":null,\"details\":\"{\\\"x\\\":1}\",\"id\":7,"
                + "\"occurredAt\":\"2024-01-01T00:00:00.000Z\",\"previous\":\"\(SHA256Digest.zero.hex)\",\"toolVersion\":\"1\"}")
    }

    @Test func detailsMustBeAJSONObject() throws {
        let test = try TestCatalogue()
        #expect(throws: CatalogueError.self) {
            try test.catalogue.appendEvent(.marked, clipID: nil, details: [1, 2, 3])
        }
    }
}

@Suite struct CustodyChainTextTests {
    /// Rows with text that is not plain ASCII take the decoded path of the chain check, plain ones
    /// the in-place path: a chain mixing both is whole, and a change to either kind is found.
    @Test func chainOfMixedTextIsWholeAndTamperingIsFound() throws {
        let test = try TestCatalogue(actor: "Zoë\u{7}")
        try test.catalogue.appendEvent(.verified, clipID: nil, details: ["note": "plain"])
        try test.catalogue.appendEvent(.marked, clipID: nil, details: ["note": "tab\there, quote \" and ü"])
        try test.catalogue.appendEvent(.verified, clipID: nil, details: ["n": 3])
        #expect(try test.catalogue.brokenChainLinks().isEmpty)
        for event in try test.catalogue.read({ db in try Row.fetchAll(db, sql: "SELECT * FROM custody_events") }).map(Catalogue.event) {
            #expect(event.actor == "Zoë\u{7}")
        }
        try test.catalogue.write { db in
            try db.execute(sql: "DROP TRIGGER custody_events_refuse_update")
            try db.execute(sql: "UPDATE custody_events SET details = '{\"note\":\"tab\\there, quote \\\" and u\"}' WHERE id = 2")
        }
        #expect(try test.catalogue.brokenChainLinks() == [3])
    }

    @Test func controlCharactersAreEscapedAsUnicodeEscapes() {
        let event = CustodyEvent(id: 1, clipID: 5, occurredAt: "t", actor: "a\u{1}b\u{1F}c\r\n", toolVersion: "é",
                                 action: .verified, details: "{}", previousDigest: .zero)
        let form = Catalogue.canonicalForm(of: event)
        #expect(form.contains("\"actor\":\"a\\u0001b\\u001fc\\r\\n\""))
        #expect(form.contains("\"clip\":5,"))
        #expect(form.hasSuffix("\"toolVersion\":\"é\"}"))
    }
}

@Suite struct CanonicalJSONTests {
    /// The chain check writes plain text in runs straight from SQLite's buffers; it must write the
    /// very bytes the event-by-event writer does, or every digest after it would differ.
    @Test(arguments: ["", "plain", "\"", "\\", "a\"b\\c", "{\"k\":\"v\\\\n\"}", "tab\there", "cr\rlf\n",
                      "\u{1}\u{1F}\u{7F}", "ends with quote\"", "\"starts with quote", String(repeating: "x\"", count: 300)])
    func plainRunsAreWrittenAsTheByteWriterWritesThem(text: String) {
        var expected: [UInt8] = []
        CanonicalJSON.appendString(text.utf8, to: &expected)
        var written: [UInt8] = []
        let plain = Array(text.utf8).withUnsafeBytes { CanonicalJSON.appendPlainString($0, to: &written) }
        #expect(plain)
        #expect(written == expected)
    }

    /// Every ASCII byte at every position of words read eight at a time, against the byte writer.
    @Test func everyByteAtEveryOffsetIsWrittenAsTheByteWriterWritesIt() {
        var generator = SplitMix(seed: 42)
        for length in 0..<40 {
            for _ in 0..<50 {
                let text = (0..<length).map { _ in UInt8(1 + generator.next() % 127) }
                var expected: [UInt8] = []
                CanonicalJSON.appendString(text, to: &expected)
                var written: [UInt8] = []
                let plain = text.withUnsafeBytes { CanonicalJSON.appendPlainString($0, to: &written) }
                #expect(plain && written == expected)
            }
        }
    }

    /// A small deterministic generator, so that a failure can be replayed.
    private struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: ["é", "nul\u{0}inside", "long plain text then é", "long plain text then \u{0}"])
    func textThatMustBeDecodedIsLeftToTheDecodedPath(text: String) {
        var written: [UInt8] = []
        #expect(!Array(text.utf8).withUnsafeBytes { CanonicalJSON.appendPlainString($0, to: &written) })
    }
}
