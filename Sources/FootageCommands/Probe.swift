import ArgumentParser
import FootageModel
import Foundation
import ProbeIsolation

extension Footage {
    /// `footage probe FILE…`: reads what is in media files without registering them, each in an
    /// isolated worker process.
    struct Probe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "probe",
            abstract: "Reads what is in media files without registering them.",
            discussion: """
            Each file is read in a separate worker process with its own memory and CPU limits and a \
            wall-clock deadline; a file that crashes or hangs the reader is reported as a failure for \
            that file only. Paths are checked before any worker sees them: FIFOs, devices and folders \
            are refused without being opened.

            Output: a readable summary per file; with --json, one JSON document (ffprobe's `format` and \
            `streams`, plus `timeline` and `tool`) for one file, or an array of {"path", "probe"} / \
            {"path", "error"} objects for several; --packets / --frames print {"packets": [...]} / \
            {"frames": [...]} like ffprobe (an array of {"path", "packets"|"frames"} for several files); \
            --keyframes prints {"keyframes": [{"stream_index", "pts", "pts_time", "time_base"}, ...]}, \
            read from an MP4/MOV's own index by a small worker that loads no media library, from a \
            demux scan for other containers.

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

        @Flag(help: "List every video keyframe, like ffprobe -skip_frame nokey -show_frames; MP4/MOV from the index alone.")
        var keyframes = false

        @Flag(help: "Read packets with a full demux scan (for the timeline or --packets) even when the container has an index.")
        var scan = false

        @Option(help: "Seconds a worker may take per file before it is stopped, plus an allowance per megabyte.")
        var deadline: Double?

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one file to probe") }
            if [packets, frames, keyframes].filter({ $0 }).count > 1 {
                throw ValidationError("--packets, --frames and --keyframes cannot be used together")
            }
            if let deadline, !(deadline > 0 && deadline < 86_400) {
                throw ValidationError("--deadline must be a number of seconds above 0")
            }
        }

        func run() async throws {
            if keyframes { return try await runKeyframes() }
            var poolConfiguration = ProbeWorkerPool.Configuration()
            poolConfiguration.maximumWorkers = min(poolConfiguration.maximumWorkers, files.count)
            if let deadline { poolConfiguration.deadline.base = .milliseconds(Int64(deadline * 1000)) }
            let pool = ProbeWorkerPool(configuration: poolConfiguration)
            let kind: ProbeRequestKind = packets ? .packets : frames ? .frames : .probe
            let results = await pool.runAllRaw(kind, paths: files, forceScan: scan)
            await pool.shutdown()

            var worst: ExitCode?
            var entries: [ProbeEntry] = []
            for (path, result) in zip(files, results) {
                let symlink = (try? PathPrecheck.check(path).get())?.symlinkTarget
                entries.append(ProbeEntry(path: path, symlinkTarget: symlink, result: result))
                guard case .failure(let error) = result else { continue }
                Console.err("footage: probe failed for \(path): \(ProbeFailureStatus.detail(of: error))")
                if worst.map({ ProbeFailureStatus.severity($0) < ProbeFailureStatus.severity(error.exitCode) }) ?? true {
                    worst = error.exitCode
                }
            }
            try write(entries, kind: kind)
            if let worst { throw worst }
        }

        private func write(_ entries: [ProbeEntry], kind: ProbeRequestKind) throws {
            if kind == .probe && !json {
                var texts: [String] = []
                for entry in entries {
                    guard case .success(let raw) = entry.result, case .record(let record) = try raw.decoded() else { continue }
                    var lines: [String] = []
                    if entries.count > 1 { lines.append(entry.path) }
                    if let target = entry.symlinkTarget { lines.append("symlink: \(entry.path) -> \(target)") }
                    lines.append(ProbeSummary.text(for: record))
                    texts.append(lines.joined(separator: "\n"))
                }
                if !texts.isEmpty { Console.out(texts.joined(separator: "\n\n")) }
                return
            }
            if entries.count == 1, let entry = entries.first {
                if kind == .probe, case .success(let raw) = entry.result, case .record(let record) = try raw.decoded() {
                    // One record reads best pretty-printed, in ffprobe's shape.
                    try Console.printJSON(SingleRecord(record: record, symlink: entry.symlinkNote))
                } else {
                    Console.out(String(decoding: try entry.json(includingPath: false), as: UTF8.self))
                }
                return
            }
            var document: [UInt8] = [UInt8(ascii: "[")]
            for (offset, entry) in entries.enumerated() {
                document += offset == 0 ? Array("\n".utf8) : Array(",\n".utf8)
                document += try entry.json(includingPath: true)
            }
            document += Array("\n]".utf8)
            Console.out(String(decoding: document, as: UTF8.self))
        }
    }
}

/// One file's result as the command prints it. Results are the worker's JSON, passed on as
/// written (the pool has checked it is well-formed), so that printing a thousand records or a
/// million packets costs no decoding.
struct ProbeEntry {
    var path: String
    var symlinkTarget: String?
    var result: Result<RawProbeOutput, ProbeError>

    var symlinkNote: SymlinkNote? { symlinkTarget.map { SymlinkNote(path: path, target: $0) } }

    /// `{"path", "symlink"?, "probe"|"packets"|"frames"|"error"}`; without the path for a single
    /// file's `{"packets": […]}`, `{"frames": […]}` or `{"error": …}`.
    func json(includingPath: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var members: [[UInt8]] = []
        if includingPath { members.append(Array(#""path":"#.utf8) + Array(try encoder.encode(path))) }
        if let symlinkNote { members.append(Array(#""symlink":"#.utf8) + Array(try encoder.encode(symlinkNote))) }
        switch result {
        case .success(let raw):
            let key = raw.kind == .probe ? "probe" : raw.kind.rawValue
            members.append(Array("\"\(key)\":".utf8) + raw.json)
        case .failure(let error):
            members.append(Array(#""error":"#.utf8) + Array(try encoder.encode(error)))
        }
        return Array("{".utf8) + Array(members.joined(separator: Array(",".utf8))) + Array("}".utf8)
    }
}

/// One probe record in ffprobe's shape, with a `symlink` note when the path was one.
private struct SingleRecord: Encodable {
    var record: ProbeRecord
    var symlink: SymlinkNote?

    enum CodingKeys: String, CodingKey { case symlink }

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(symlink, forKey: .symlink)
    }
}

/// Says that a path was a symbolic link and where it led.
struct SymlinkNote: Encodable {
    var path: String
    var target: String
}
