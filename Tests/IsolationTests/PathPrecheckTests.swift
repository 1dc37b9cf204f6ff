#if canImport(Glibc)
import Glibc
#endif
import Foundation
import FootageModel
import MediaProbe
import ProbeIsolation
import TestSupport
import Testing

/// Each refusal names the reason the user sees. The tests run as root, for whom permission bits
/// never refuse a read, so "unreadable" is exercised with a path that goes through a file as if
/// it were a folder (ENOTDIR), which no privilege can read.
struct PathPrecheckTests {
    @Test func aMissingPathIsMissing() throws {
        let folder = try ScratchFolder()
        let error = try #require(PathPrecheck.check(folder.path("absent.mp4")).failure)
        #expect(error.reason == .missingFile)
        #expect(error.message.contains("no such file"))
    }

    @Test func aDanglingSymlinkIsMissingAndSaysWhereItPointed() throws {
        let folder = try ScratchFolder()
        let link = folder.path("dangling.mp4")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path("gone.mp4"))
        let error = try #require(PathPrecheck.check(link).failure)
        #expect(error.reason == .missingFile)
        #expect(error.message.contains("dangling symlink to \(folder.path("gone.mp4"))"))
    }

    @Test func aPathThroughAFileIsUnreadable() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("plain.txt", Data("x".utf8))
        let error = try #require(PathPrecheck.check(file + "/clip.mp4").failure)
        #expect(error.reason == .notReadable)
    }

    @Test func aFolderIsNotAFile() throws {
        let folder = try ScratchFolder()
        let error = try #require(PathPrecheck.check(folder.url.path).failure)
        #expect(error.reason == .notAFile)
        #expect(error.message.contains("folder"))
    }

    @Test func aFIFOIsRefusedAtOnceWithoutBeingOpened() throws {
        let folder = try ScratchFolder()
        let fifo = try HostileInputs.fifo("pipe.mp4", in: folder)
        let watch = try FileAccessWatch([fifo])
        let started = ContinuousClock.now
        let error = try #require(PathPrecheck.check(fifo).failure)
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(error.reason == .notAFile)
        #expect(error.message.contains("FIFO"))
        #expect(!watch.sawAccess)
    }

    @Test func aDeviceIsRefused() throws {
        let error = try #require(PathPrecheck.check("/dev/zero").failure)
        #expect(error.reason == .notAFile)
        #expect(error.message.contains("device"))
    }

    @Test func anEmptyFileIsRefused() throws {
        let folder = try ScratchFolder()
        let empty = try folder.write("empty.mp4", Data())
        let error = try #require(PathPrecheck.check(empty).failure)
        #expect(error.reason == .emptyFile)
    }

    @Test func aSymlinkToARegularFileIsAcceptedAndRemembered() throws {
        let folder = try ScratchFolder()
        let clip = try PoolSupport.smallClip()
        let link = folder.path("link.mp4")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: clip.path)
        let checked = try PathPrecheck.check(link).get()
        #expect(checked.symlinkTarget == clip.path)
        #expect(checked.byteCount == (try FileManager.default.attributesOfItem(atPath: clip.path)[.size] as? Int64))
    }
}

extension Result {
    /// The error of a failed result, for `#require`.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
