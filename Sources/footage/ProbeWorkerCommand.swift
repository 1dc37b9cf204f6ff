import ArgumentParser
import Foundation
import ProbeIsolation

extension Footage {
    /// `footage probe-worker`: the isolated worker the probe pool starts. Not for people: it reads
    /// JSON request lines on stdin and writes one JSON reply line each on stdout.
    struct ProbeWorkerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: ProbeWorkerPool.workerSubcommand,
            abstract: "Serves probe requests on stdin for the probe pool (internal).",
            shouldDisplay: false
        )

        @Option(name: .customLong("configuration"), help: "The worker configuration as JSON (resource and probe limits).")
        var settings: String

        func run() throws {
            let decoded: WorkerConfiguration
            do {
                decoded = try JSONDecoder().decode(WorkerConfiguration.self, from: Data(settings.utf8))
            } catch {
                throw ValidationError("the worker configuration is not valid JSON: \(error)")
            }
            let status = ProbeWorker.serve(configuration: decoded)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
