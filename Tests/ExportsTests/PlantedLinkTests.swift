@testable import Exports
import Foundation
import Testing

/// Exports into folders where someone planted symbolic links must write nothing outside.
@Suite("Bag writer and planted links")
struct PlantedLinkTests {
    let payload: [BagPayloadItem] = [
        .data(Data("clip".utf8), as: "clips/clip.mp4"),
        .data(Data("{}".utf8), as: "manifest.json"),
    ]

    /// An outside folder with one file, and a bag folder inside the scratch folder.
    func setUp() throws -> (scratch: ScratchFolder, outside: String, bag: String) {
        let scratch = try ScratchFolder("planted")
        let outside = scratch.file("outside")
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: false)
        try scratch.write("outside/bagit.txt", "original")
        return (scratch, outside, scratch.file("bag"))
    }

    @Test func linkNamedLikeThePayloadFolder() throws {
        let (scratch, outside, bag) = try setUp()
        try FileManager.default.createDirectory(atPath: bag, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: bag + "/data", withDestinationPath: outside)
        let before = try scratch.snapshot()
        #expect(throws: ExportError.destinationNotEmpty(path: bag)) {
            try BagWriter(directory: bag).write(payload, info: BagWriterTests.info)
        }
        #expect(try scratch.snapshot() == before)
    }

    @Test func linkNamedLikeTheDeclaration() throws {
        let (scratch, outside, bag) = try setUp()
        try FileManager.default.createDirectory(atPath: bag, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: bag + "/bagit.txt", withDestinationPath: outside + "/bagit.txt")
        let before = try scratch.snapshot()
        #expect(throws: ExportError.destinationNotEmpty(path: bag)) {
            try BagWriter(directory: bag).write(payload, info: BagWriterTests.info)
        }
        #expect(try scratch.snapshot() == before)
        #expect(try String(contentsOfFile: outside + "/bagit.txt", encoding: .utf8) == "original")
    }

    @Test func bagFolderThatIsALinkToAnEmptyFolder() throws {
        let (scratch, _, bag) = try setUp()
        let empty = scratch.file("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: bag, withDestinationPath: empty)
        let before = try scratch.snapshot()
        #expect(throws: ExportError.notAFolder(path: bag)) {
            try BagWriter(directory: bag).write(payload, info: BagWriterTests.info)
        }
        #expect(try scratch.snapshot() == before)
    }

    @Test func bagFolderThatIsADanglingLink() throws {
        let (scratch, outside, bag) = try setUp()
        try FileManager.default.createSymbolicLink(atPath: bag, withDestinationPath: outside + "/new-folder")
        let before = try scratch.snapshot()
        #expect(throws: ExportError.notAFolder(path: bag)) {
            try BagWriter(directory: bag).write(payload, info: BagWriterTests.info)
        }
        #expect(try scratch.snapshot() == before)
    }

    /// The layer below the writer: a link planted where a file or folder is about to be created
    /// (as a racing process could) makes the creation fail instead of writing through it.
    @Test func creationRefusesALinkPlantedInItsPlace() throws {
        let (scratch, outside, bag) = try setUp()
        try FileManager.default.createDirectory(atPath: bag, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: bag + "/bagit.txt", withDestinationPath: outside + "/bagit.txt")
        try FileManager.default.createSymbolicLink(atPath: bag + "/data", withDestinationPath: outside)
        let before = try scratch.snapshot()
        let folder = try DirectoryHandle.openExisting(path: bag)
        #expect(throws: ExportError.system(function: "openat", path: bag + "/bagit.txt", code: EEXIST)) {
            _ = try folder.createFile("bagit.txt")
        }
        #expect(throws: ExportError.system(function: "mkdirat", path: bag + "/data", code: EEXIST)) {
            _ = try folder.makeFolder("data", reuse: false)
        }
        #expect(throws: ExportError.notAFolder(path: bag + "/data")) {
            _ = try folder.makeFolder("data", reuse: true)
        }
        #expect(try scratch.snapshot() == before)
    }
}
