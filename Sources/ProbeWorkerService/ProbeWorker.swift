#if canImport(Glibc)
import Glibc
#endif
internal import CFFmpeg
import FootageModel
import Foundation
import MediaProbe
import ProbeIsolation

/// The worker side: a process that lowers its own limits, then answers one JSON line per request
/// line on stdin until stdin closes. The `footage-probe-worker` executable runs this.
public enum ProbeWorker {
    /// The worker's command line, `--configuration JSON`, served: the process exit status, 64 when
    /// the arguments are not that.
    public static func main(arguments: [String]) -> Int32 {
        if arguments == ["--library-versions"] {
            report(WorkerLibraryVersions.line(avformat: LibraryVersions.avformat, avcodec: LibraryVersions.avcodec,
                                            avutil: LibraryVersions.avutil), to: STDOUT_FILENO)
            return 0
        }
        guard arguments.count == 2, arguments[0] == "--configuration" else {
            report("usage: footage-probe-worker --configuration JSON | --library-versions (started by footage, not by people)")
            return 64
        }
        let configuration: WorkerConfiguration
        do {
            configuration = try JSONDecoder().decode(WorkerConfiguration.self, from: Data(arguments[1].utf8))
        } catch {
            report("footage-probe-worker: the worker configuration is not valid JSON: \(error)")
            return 64
        }
        return serve(configuration: configuration)
    }

    /// A line on stderr (or `descriptor`), before the worker has pointed stdout there.
    private static func report(_ message: String, to descriptor: Int32 = STDERR_FILENO) {
        let line = Array((message + "\n").utf8)
        _ = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Serves requests and returns the process exit status: 0 when stdin closed or the CPU budget
    /// ran low, 70 when the limits could not be applied or stdout failed.
    static func serve(configuration: WorkerConfiguration) -> Int32 {
        do {
            try configuration.resourceLimits.apply()
        } catch {
            return 70
        }
        watchParent()
        // FFmpeg's own log is noise here: every failure comes back as a ProbeError.
        av_log_set_level(AV_LOG_QUIET)
        // Keep the reply channel private and point fd 1 at stderr, so that nothing but replies
        // can ever reach the parent on this channel.
        let replies = dup(STDOUT_FILENO)
        guard replies >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else { return 70 }
        defer { close(replies) }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let decoder = JSONDecoder()
        let cpuBudget = Double(configuration.resourceLimits.cpuSeconds) / 2
        while let line = readLine(strippingNewline: true) {
            let request = try? decoder.decode(WorkerRequest.self, from: Data(line.utf8))
            let result: Result<ProbeOutput, ProbeError>
            if let request {
                result = answer(request, limits: configuration.probeLimits)
            } else {
                result = .failure(ProbeError(reason: .internal, path: "",
                                             message: "probe worker: the request line is not valid JSON"))
            }
            let retiring = WorkerResourceLimits.cpuSecondsUsed() > cpuBudget
            guard let reply = try? encode(result, id: request?.id, retiring: retiring, with: encoder) else { return 70 }
            do {
                try write(all: reply, to: replies)
            } catch {
                return 70
            }
            if retiring { return 0 }
        }
        return 0
    }

    /// The reply line for a result (`WorkerReply` describes the layout).
    private static func encode(_ result: Result<ProbeOutput, ProbeError>, id: Int?, retiring: Bool,
                               with encoder: JSONEncoder) throws -> Data {
        switch result {
        case .success(.record(let record)):
            return WorkerReply.line(id: id, retiring: retiring, key: "record", payload: try encoder.encode(record))
        case .success(.packets(let packets)):
            return WorkerReply.line(id: id, retiring: retiring, key: "packets", payload: Data(PacketListingJSON.encode(packets)))
        case .success(.frames(let frames)):
            return WorkerReply.line(id: id, retiring: retiring, key: "frames", payload: try encoder.encode(frames))
        case .failure(let error):
            return WorkerReply.line(id: id, retiring: retiring, key: "error", payload: try encoder.encode(error))
        }
    }

    /// Exits the worker within a second of its parent ending, even in the middle of a long decode,
    /// so that no worker outlives the `footage` that started it.
    private static func watchParent() {
        let parent = getppid()
        Thread.detachNewThread {
            while getppid() == parent { sleep(1) }
            _exit(0)
        }
    }

    /// Runs one request. The prober checks the path again before it opens it, since the file may
    /// have changed since the parent looked.
    static func answer(_ request: WorkerRequest, limits: ProbeLimits) -> Result<ProbeOutput, ProbeError> {
        do throws(ProbeError) {
            switch request.kind {
            case .probe:
                return .success(.record(try Prober.probe(path: request.path, limits: limits, forceScan: request.forceScan)))
            case .packets:
                return .success(.packets(try Prober.packets(path: request.path, limits: limits, forceScan: request.forceScan)))
            case .frames:
                return .success(.frames(try Prober.frames(path: request.path, limits: limits)))
            }
        } catch {
            return .failure(error)
        }
    }

    private static func write(all bytes: Data, to descriptor: Int32) throws(SystemCallFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = try SystemCall.check("write") {
                bytes.withUnsafeBytes { buffer in
                    Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                }
            }
            offset += written
        }
    }
}
