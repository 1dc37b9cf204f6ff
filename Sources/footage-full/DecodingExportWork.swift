import ArgumentParser
import Casework
import Catalogue
import FootageCommands
import MediaAnalysis
import MediaProbe

/// An export's media work in the full tree: frames through the clip frame service (a stored frame
/// is reused, a missing one decoded and stored), library versions from the libraries loaded here.
struct DecodingExportWork: ExportMediaWork {
    func frame(clipID: Int64, atPlayerMs ms: Int64, in catalogue: Catalogue) throws(ExportMediaFailure) -> StoredFrameFile {
        do {
            return try ClipFrameService(catalogue: catalogue).frame(clipID: clipID, atPlayerMs: ms)
        } catch {
            switch error {
            case let .catalogue(inner):
                throw .catalogue(inner)
            case let .analysis(inner) where [.outOfRange, .noStream].contains(inner.reason):
                throw .noFrame(inner.description, noVideo: inner.reason == .noStream)
            case let .analysis(inner):
                throw .failed(inner.description, status: AnalysisExit.status(for: inner))
            case .clipBytesMissing:
                throw .failed(error.description, status: ExitStatus.noInput.rawValue)
            }
        }
    }

    func libraryVersions() throws(ExportMediaFailure) -> [String: String] {
        ["libavformat": LibraryVersions.avformat, "libavcodec": LibraryVersions.avcodec, "libavutil": LibraryVersions.avutil]
    }
}
