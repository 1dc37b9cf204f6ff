public import FootageModel
import Foundation

/// The FFmpeg library versions the worker executable links, read by running it with
/// `--library-versions`: a process that never loads FFmpeg itself can still record which
/// libraries read its clips.
public enum WorkerLibraryVersions {
    /// The line the worker writes: one JSON object, `{"libavformat":"59.27.100",…}`.
    public static func line(avformat: String, avcodec: String, avutil: String) -> String {
        "{\"libavformat\":\"\(avformat)\",\"libavcodec\":\"\(avcodec)\",\"libavutil\":\"\(avutil)\"}"
    }

    /// Runs the worker and reads its versions, by library name (`libavformat`, `libavcodec`,
    /// `libavutil`); fails with an `internal` error naming the executable when it cannot.
    public static func read(executable: String = ProbeWorkerPool.bundledWorker) -> Result<[String: String], ProbeError> {
        func failure(_ why: String) -> Result<[String: String], ProbeError> {
            .failure(ProbeError(reason: .internal, path: executable,
                                message: "\(executable): could not read the FFmpeg library versions: \(why)"))
        }
        let worker: WorkerProcess
        do {
            worker = try WorkerProcess.spawn(executable: executable, arguments: ["--library-versions"],
                                             environment: ProbeWorkerPool.workerEnvironment)
        } catch {
            return failure(error.description)
        }
        defer { worker.retire() }
        let deadline = SystemCall.monotonicNanoseconds() &+ 10_000_000_000
        switch WorkerExchange.run(socket: worker.socket, request: [], deadline: deadline, maximumReplyBytes: 4_096) {
        case .reply(let bytes):
            guard let versions = try? JSONDecoder().decode([String: String].self, from: Data(bytes)),
                  ["libavformat", "libavcodec", "libavutil"].allSatisfy({ versions[$0] != nil }) else {
                return failure("the worker's answer is not a list of versions")
            }
            return .success(versions)
        case .timedOut: return failure("the worker did not answer within 10 s")
        case .closed: return failure("the worker ended without answering")
        case .malformed(let problem): return failure(problem)
        case .failed(let systemFailure): return failure(systemFailure.description)
        }
    }
}
