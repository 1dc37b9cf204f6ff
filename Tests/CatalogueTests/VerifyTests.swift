@testable import Catalogue
import FootageModel
import Foundation
import GRDB
import TestSupport
import Testing
import Vault

@Suite struct VerifyTests {
    /// A catalogue with three registered files; returns it and the digests.
    private func populated() async throws -> (TestCatalogue, [SHA256Digest]) {
        let test = try TestCatalogue()
        var paths: [String] = []
        for index in 0..<3 {
            paths.append(try test.scratch.write("clip\(index).bin", Data(repeating: UInt8(index), count: 10_000 + index)))
        }
        let digests = await test.register(paths).compactMap(\.digest)
        return (test, digests)
    }

    /// Writes a file nothing references where a vault object would be, `objects/<folder>/<name>`
    /// (62 copies of `fill`); returns its path inside the catalogue folder, as `verify` names it.
    private func plantStray(in vault: Vault, folder: String, fill: Character) throws -> String {
        let name = folder + "/" + String(repeating: fill, count: 62)
        try FileManager.default.createDirectory(atPath: vault.objectsPath + "/" + folder, withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: URL(fileURLWithPath: vault.objectsPath + "/" + name))
        return "vault/objects/" + name
    }

    /// Makes an object writable, changes it, and leaves it changed.
    private func alter(_ path: String, _ change: (inout Data) -> Void) throws {
        chmod(path, 0o644)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        change(&data)
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test func anIntactCatalogueHasNoFindingsAndRecordsAVerifyEvent() async throws {
        let (test, digests) = try await populated()
        let report = try await test.catalogue.verify(repair: false)
        #expect(report.findings.isEmpty)
        #expect(report.checkedFiles == digests.count)
        let last = try test.catalogue.read { db in try String.fetchOne(db, sql: "SELECT action FROM custody_events ORDER BY id DESC LIMIT 1") }
        #expect(last == "verified")
    }

    @Test func aFlippedBitIsFound() async throws {
        let (test, digests) = try await populated()
        try alter(test.catalogue.objectPath(for: digests[1])) { $0[5000] ^= 0x01 }
        let report = try await test.catalogue.verify(repair: false)
        #expect(report.outstanding.map(\.kind) == [.changed])
        #expect(report.outstanding.first?.clip == digests[1])
    }

    @Test func aTruncatedObjectIsFound() async throws {
        let (test, digests) = try await populated()
        try alter(test.catalogue.objectPath(for: digests[0])) { $0 = $0.prefix(100) }
        let report = try await test.catalogue.verify(repair: false)
        #expect(report.outstanding.map(\.kind) == [.changed])
        #expect(report.outstanding.first?.detail.contains("100 bytes") == true)
    }

    @Test func aDeletedObjectIsFound() async throws {
        let (test, digests) = try await populated()
        #expect(unlink(test.catalogue.objectPath(for: digests[2])) == 0)
        let report = try await test.catalogue.verify(repair: true)
        #expect(report.outstanding.map(\.kind) == [.missing])
    }

    @Test func anExtraFileIsFoundAndRepairRemovesOnlyIt() async throws {
        let (test, digests) = try await populated()
        let vault = test.catalogue.vault
        let stray = try plantStray(in: vault, folder: "ab", fill: "c")
        try Data("partial".utf8).write(to: URL(fileURLWithPath: vault.temporaryPath + "/1-dead.partial"))
        let found = try await test.catalogue.verify(repair: false)
        #expect(Set(found.outstanding.map(\.path)) == [stray, "vault/tmp/1-dead.partial"])
        let repaired = try await test.catalogue.verify(repair: true)
        #expect(repaired.outstanding.isEmpty && repaired.findings.count == 2)
        #expect(try await test.catalogue.verify(repair: false).findings.isEmpty)
        for digest in digests { #expect(vault.contains(digest)) }
    }

    @Test func openingAndVerifyingListsTheVaultAsItOpensAndRepairsTheSame() async throws {
        let (test, digests) = try await populated()
        let vault = test.catalogue.vault
        let stray = try plantStray(in: vault, folder: "cd", fill: "e")
        let identity = CustodyIdentity(actor: "checker", toolVersion: "test")
        let found = try await Catalogue.openAndVerify(test.catalogue.location, identity: identity, repair: false)
        #expect(found.outstanding.map(\.path) == [stray])
        #expect(found.checkedFiles == digests.count)
        let repaired = try await Catalogue.openAndVerify(test.catalogue.location, identity: identity, repair: true)
        #expect(repaired.findings.map(\.repaired) == [true] && repaired.outstanding.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: test.catalogue.location.folder + "/" + stray))
        for digest in digests { #expect(vault.contains(digest)) }
        let actors = try test.catalogue.read { db in
            try String.fetchAll(db, sql: "SELECT actor FROM custody_events WHERE action = 'verified' ORDER BY id")
        }
        #expect(actors == ["checker", "checker"])
    }

    @Test func openingAndVerifyingWithoutACatalogueSaysItIsMissing() async throws {
        let scratch = try ScratchFolder("verify-missing-test")
        let location = CatalogueLocation.inside(scratch.url.path)
        let error = await #expect(throws: CatalogueError.self) {
            try await Catalogue.openAndVerify(location, identity: CustodyIdentity(actor: "a", toolVersion: "t"), repair: false)
        }
        guard case let .missing(path) = error else {
            Issue.record("expected a missing catalogue, got \(String(describing: error))")
            return
        }
        #expect(path == location.folder)
    }

    @Test func aTamperedEventIsFoundByVerify() async throws {
        let (test, _) = try await populated()
        try test.catalogue.write { db in
            try db.execute(sql: "DROP TRIGGER custody_events_refuse_update")
            try db.execute(sql: "UPDATE custody_events SET details = '{\"forged\":true}' WHERE id = 1")
        }
        let report = try await test.catalogue.verify(repair: false)
        #expect(report.outstanding.map(\.kind) == [.brokenChain])
        #expect(report.outstanding.first?.path == "custody event 2")
    }
}
