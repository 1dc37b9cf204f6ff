import ArgumentParser
import FootageModel
import Foundation
import MediaProbe
import ProbeIsolation

extension Footage {
    /// `footage probe FILE…`: reads what is in media files without registering them, each in an
    /// isolated worker process.
    struct Probe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reads what is in media files without registering them.",
            discussion: """
            Each file is read in a separate worker process with its own memory and CPU limits and a \
            wall-clock deadline; a file that crashes or hangs the reader is reported as a failure for \
            that file only. Paths are checked before any worker sees them: FIFOs, devices and folders \
            are refused without being opened.

            Output: a readable summary per file; with --json, one JSON document (ffprobe's `format` and \
            `streams`, plus `timeline` and `tool`) for one file, or an array of {"path", "probe"} / \
            {"path", "error"} objects for several; --packets / --frames print {"packets": [...]} / \
            {"frames": [...]} like ffprobe (an array of {"path", "packets"|"frames"} for several files).

            Exit status: 0 when every file was read; otherwise the most severe failure, in this order: \
            70 (a worker crashed or did not finish in time, or an internal error), 66 (missing or \
            unreadable path, dangling symlink), 65 (not media: a folder, FIFO, device, empty, \
            truncated, corrupt or refused file).
            """
        )

        @Argument(help: "Media files to read.")
        var files: [String] = []

        @Flag(help: "Print JSON instead of a readable summary.")
        var json = false

        @Flag(help: "List every packet (demuxed, not decoded), like ffprobe -show_packets.")
        var packets = false

        @Flag(help: "List every frame (decoded), like ffprobe -show_frames.")
        var frames = false

        @Flag(help: "Build the timeline from a full packet scan even when the container has an index.")
        var scan = false

        @Option(help: "Seconds a worker may take per file before it is stopped, plus an allowance per megabyte.")
        var deadline: Double?

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one file to probe") }
            if packets && frames { throw ValidationError("--packets and --frames cannot be used together") }
            if let deadline, !(deadline > 0 && deadline < 86_400) {
                throw ValidationError("--deadline must be a number of seconds above 0")
            }
        }

        func run() async throws {
            var poolConfiguration = ProbeWorkerPool.Configuration()
            poolConfiguration.maximumWorkers = min(poolConfiguration.maximumWorkers, files.count)
            if let deadline { poolConfiguration.deadline.base = .milliseconds(Int64(deadline * 1000)) }
            let pool = ProbeWorkerPool(configuration: poolConfiguration)
            let kind: ProbeRequestKind = packets ? .packets : frames ? .frames : .probe
            let results = await pool.runAll(kind, paths: files, forceScan: scan)
            await pool.shutdown()

            let symlinks = files.map { path in (try? PathPrecheck.check(path).get())?.symlinkTarget }
            let entries = zip(files, zip(results, symlinks)).map { ProbeEntry(path: $0, symlinkTarget: $1.1, result: $1.0) }
            for entry in entries {
                if case .failure(let error) = entry.result {
                    Console.err("footage: probe failed for \(entry.path): \(ProbeFailureStatus.detail(of: error))")
                }
            }
            try write(entries, kind: kind)
            let worst = results.compactMap { result -> ExitCode? in
                if case .failure(let error) = result { return error.exitCode }
                return nil
            }.max { ProbeFailureStatus.severity($0) < ProbeFailureStatus.severity($1) }
            if let worst { throw worst }
        }

        private func write(_ entries: [ProbeEntry], kind: ProbeRequestKind) throws {
            if kind == .probe && !json {
                let texts = entries.compactMap { entry -> String? in
                    guard case .success(.record(let record)) = entry.result else { return nil }
                    var lines: [String] = []
                    if entries.count > 1 { lines.append(entry.path) }
                    if let target = entry.symlinkTarget { lines.append("symlink: \(entry.path) -> \(target)") }
                    lines.append(ProbeSummary.text(for: record))
                    return lines.joined(separator: "\n")
                }
                if !texts.isEmpty { Console.out(texts.joined(separator: "\n\n")) }
                return
            }
            if entries.count == 1, let entry = entries.first {
                try Console.printJSON(SingleDocument(entry: entry))
            } else {
                try Console.printJSON(entries)
            }
        }
    }
}

/// One file's result as the command prints it.
struct ProbeEntry: Encodable {
    var path: String
    var symlinkTarget: String?
    var result: Result<ProbeOutput, ProbeError>

    enum CodingKeys: String, CodingKey {
        case path, symlink, probe, packets, frames, error
    }

    /// `{"path", "symlink"?, "probe"|"packets"|"frames"|"error"}`: the element of the array printed
    /// for several files.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encodeIfPresent(symlinkTarget.map { SymlinkNote(path: path, target: $0) }, forKey: .symlink)
        switch result {
        case .success(.record(let record)): try container.encode(record, forKey: .probe)
        case .success(.packets(let packets)): try container.encode(packets, forKey: .packets)
        case .success(.frames(let frames)): try container.encode(frames, forKey: .frames)
        case .failure(let error): try container.encode(error, forKey: .error)
        }
    }
}

/// The document printed for a single file: the probe record itself (ffprobe's shape), or
/// `{"packets": […]}`, `{"frames": […]}`, `{"error": …}`, with a `symlink` note when the path was one.
private struct SingleDocument: Encodable {
    var entry: ProbeEntry

    func encode(to encoder: any Encoder) throws {
        if case .success(.record(let record)) = entry.result { try record.encode(to: encoder) }
        var container = encoder.container(keyedBy: ProbeEntry.CodingKeys.self)
        try container.encodeIfPresent(entry.symlinkTarget.map { SymlinkNote(path: entry.path, target: $0) }, forKey: .symlink)
        switch entry.result {
        case .success(.record): break
        case .success(.packets(let packets)): try container.encode(packets, forKey: .packets)
        case .success(.frames(let frames)): try container.encode(frames, forKey: .frames)
        case .failure(let error): try container.encode(error, forKey: .error)
        }
    }
}

/// Says that a path was a symbolic link and where it led.
private struct SymlinkNote: Encodable {
    var path: String
    var target: String
}
