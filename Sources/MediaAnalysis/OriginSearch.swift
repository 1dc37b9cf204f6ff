import Dispatch
import Foundation
import Glibc
import Synchronization

/// Finds player time 0, the presentation time of the first frame a full decode presents, on a
/// thread of its own with its own input and a one-thread decoder. A grabber starts one when it
/// opens a clip and goes on meanwhile with an estimate, so decoding the clip's first frame
/// overlaps the seek and decode for the first frame asked for instead of coming before them.
final class OriginSearch: Sendable {
    private let outcome = Mutex<Result<Int64, AnalysisError>?>(nil)
    private let finished = DispatchSemaphore(value: 0)
    private let path: String

    init(path: String) {
        self.path = path
        Thread.detachNewThread { [self] in
            // Below the decoding threads: the answer is wanted only once the frames asked for
            // are decoded, and meanwhile this thread should take only the time they leave idle.
            // (On Linux the nice value is per thread; 0 names the calling one.)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            let found = Result { () throws(AnalysisError) -> Int64 in try Self.firstPresentedTimestamp(path: path) }
            outcome.withLock { $0 = found }
            finished.signal()
        }
    }

    /// The first presented frame's timestamp (the stream's time base), once the search is done.
    func result() throws(AnalysisError) -> Int64 {
        finished.wait()
        // Let any later caller through as well.
        finished.signal()
        let found = outcome.withLock { $0 }
        guard let found else {
            throw AnalysisError(.codec, path: path, detail: "the search for the first frame ended without an answer")
        }
        return try found.get()
    }

    private static func firstPresentedTimestamp(path: String) throws(AnalysisError) -> Int64 {
        let source = try VideoSource(path: path, tuning: Decoder.Tuning(threads: 1))
        let frame = try LibavFrame(path: path)
        guard try source.next(into: frame), let first = frame.presentationTimestamp else {
            throw AnalysisError(.noStream, path: path, detail: "the video stream has no decodable frame")
        }
        return first
    }
}
