package import Catalogue
import CheckCore
import FootageModel
import ProbeIsolation

/// The media work an export may need: the frame at a claimed moment (stored once, then reused),
/// and the versions of the libraries that read the clips, which the manifest records.
package protocol ExportMediaWork {
    /// The frame on screen at player time `ms`, stored as a derived file of the clip.
    func frame(clipID: Int64, atPlayerMs ms: Int64, in catalogue: Catalogue) throws(ExportMediaFailure) -> StoredFrameFile

    /// libavformat, libavcodec and libavutil versions, by library name.
    func libraryVersions() throws(ExportMediaFailure) -> [String: String]
}

/// Why media work for an export gave no result.
package enum ExportMediaFailure: Error {
    case catalogue(CatalogueError)
    /// The clip has no frame there (no video stream, or past its end): noted, and the export
    /// goes on; with `noVideo` the clip's other moments are skipped too.
    case noFrame(String, noVideo: Bool)
    /// The frame could not be taken: the message and the exit status the export ends with.
    case failed(String, status: Int32)
    /// This process has no media libraries: the export stops before it writes anything.
    case needsMediaLibraries
}

/// An export command whose media work comes from the process that runs it: `footage` gives it
/// `StoredFramesOnly` and hands the command line on when that is not enough, `footage-full` one
/// that decodes.
package protocol ExportMediaCommand {
    func run(media: any ExportMediaWork) throws
}

extension ExportMediaCommand {
    /// Takes stored frames only; hands the command line to the full tree when one is missing.
    func runWithStoredFrames() throws {
        do {
            try run(media: StoredFramesOnly())
        } catch is MediaLibrariesNeeded {
            FullTree.run(CommandLine.arguments)
        }
    }
}

/// Media work in a process without media libraries: frames already stored are found, anything
/// else is refused; library versions are asked of the probe worker.
package struct StoredFramesOnly: ExportMediaWork {
    package init() {}

    package func frame(clipID: Int64, atPlayerMs ms: Int64, in catalogue: Catalogue) throws(ExportMediaFailure) -> StoredFrameFile {
        let clip: Clip
        do { clip = try catalogue.clip(id: clipID) } catch { throw .catalogue(error) }
        // A clip whose bytes are missing is reported by the full tree, in its words.
        guard case .success = ClipBytes.readablePath(of: clip, in: catalogue) else { throw .needsMediaLibraries }
        let stored: StoredFrameFile?
        do { stored = try catalogue.storedFrameFile(clipID: clipID, key: StoredFrameKey.frame(atMs: ms)) } catch { throw .catalogue(error) }
        guard let stored else { throw .needsMediaLibraries }
        return stored
    }

    package func libraryVersions() throws(ExportMediaFailure) -> [String: String] {
        switch WorkerLibraryVersions.read() {
        case .success(let versions): return versions
        case .failure(let error): throw .failed(error.message, status: 70)
        }
    }
}
