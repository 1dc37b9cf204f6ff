public import Catalogue
public import CheckCore
import FootageModel
import MediaAnalysis

/// The media work of a check in a process with the media libraries: analyses a clip with
/// `ClipAnalysisService` and takes a claimed frame with a frame session per clip, kept open for
/// the clip's other claims. Each result is stored as it is made.
public final class DecodingCheckWork: CheckMediaWork {
    private var sessions: [Int64: FrameSession] = [:]

    public init() {}

    public func analyse(clipID: Int64, in catalogue: Catalogue) throws(CheckMediaFailure) -> StoredAnalysis {
        do {
            return try ClipAnalysisService(catalogue: catalogue).analysis(clipID: clipID)
        } catch {
            throw Self.failure(error)
        }
    }

    /// The frame at `ms`, drawn with the default rendering (full size PNG, display rotation
    /// applied), which is what `key` says.
    public func takeFrame(clipID: Int64, atMs ms: Int64, key: FrameFileKey,
                          in catalogue: Catalogue) throws(CheckMediaFailure) -> StoredFrameFile? {
        do throws(CaseworkError) {
            let session: FrameSession
            if let open = sessions[clipID] {
                session = open
            } else {
                session = try FrameSession(catalogue: catalogue, clipID: clipID, rendering: FrameRendering())
                sessions[clipID] = session
            }
            let taken = try session.withGrabber { grabber throws(AnalysisError) in try grabber.take(.at([ms])) }
            guard let first = taken.first else { return nil }
            return try session.store(first, key: key)
        } catch {
            throw Self.failure(error)
        }
    }

    private static func failure(_ error: CaseworkError) -> CheckMediaFailure {
        if case let .catalogue(inner) = error { return .catalogue(inner) }
        return .failed(error.description)
    }
}
