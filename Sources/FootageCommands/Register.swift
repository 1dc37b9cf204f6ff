import ArgumentParser
import Catalogue
import FootageModel
import Foundation
import ProbeIsolation
import Vault

extension Footage {
    /// `footage register PATH… --source URL`: keeps clips as evidence.
    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Registers clips: an evidentiary copy in the vault, its SHA-256, where it came from, who collected it, what is in it.",
            discussion: """
            Folders are walked recursively; only regular files are registered (symlinks, FIFOs, devices \
            and sockets are reported and never opened). Each file is read once: hashed while it is \
            copied into the vault, synced, and only then recorded. A file that changes while it is read \
            is refused. The same bytes registered again add a collection record and a custody event, \
            never a second copy. Each clip is probed in an isolated worker; a clip that cannot be \
            probed is still registered, with the reason.

            Output: one line per file on stdout (or one JSON object per line with --json); messages on \
            stderr. Exit status: 0 when every file was registered, otherwise the worst failure: 74 (I/O \
            error, disk full), 66 (missing or unreadable), 65 (not a regular file, changed while read).
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Argument(help: "Files and folders to register.")
        var paths: [String] = []

        @Option(help: "Where the clips were collected from (a URL or other reference).")
        var source: String

        @Option(name: .customLong("collected-at"), help: "When they were collected, ISO 8601 (default: now).")
        var collectedAt: String?

        @Option(help: "Who collected them (default: the current user).")
        var by: String?

        @Option(help: "A note kept with the collection record.")
        var note: String?

        @Flag(name: .customLong("in-place"), help: "Record path and hash without copying into the vault.")
        var inPlace = false

        @Flag(help: "Print one JSON object per file.")
        var json = false

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file or folder to register") }
            if source.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--source must not be empty") }
            if let by, by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by must not be empty") }
            if let collectedAt, ISOTime.normalise(collectedAt) == nil {
                throw ValidationError(CatalogueError.invalidTime(collectedAt).description)
            }
        }

        func run() async throws {
            // A file-size limit must surface as a write error (EFBIG), not kill the process.
            signal(SIGXFSZ, SIG_IGN)
            let opened = try catalogue.open(actor: by)
            let libraryVersions: [String: String]
            switch WorkerLibraryVersions.read() {
            case .success(let versions): libraryVersions = versions
            case .failure(let error):
                Console.err("footage: \(error.message)")
                throw ExitStatus.internalError
            }
            let items = InputWalker.expand(paths.map(RawArguments.bytes))
            let totalBytes = items.reduce(Int64(0)) { sum, item in
                if case let .file(_, size) = item { return sum + size }
                return sum
            }
            let request = RegistrationRequest(
                sourceURL: source, collectedAt: collectedAt.flatMap(ISOTime.normalise), collector: by ?? UserName.current,
                note: note, inPlace: inPlace,
                libraryVersions: libraryVersions)
            var poolConfiguration = ProbeWorkerPool.Configuration()
            poolConfiguration.maximumWorkers = max(1, min(poolConfiguration.maximumWorkers, items.count))
            let pool = ProbeWorkerPool(configuration: poolConfiguration)
            let progress = ProgressBar(label: "registering", totalFiles: items.count, totalBytes: totalBytes)
            let registrar = Registrar(catalogue: opened, probe: { path in
                await pool.probe(path).mapError { ClipProbeFailure(reason: $0.reason.rawValue, message: $0.message) }
            })
            let json = self.json
            let addBytes: @Sendable (Int64) -> Void = { progress.addBytes($0) }
            let onBytes = progress.enabled ? addBytes : nil
            let onResult: @Sendable (RegistrationResult) -> Void = { result in
                progress.finish()
                Register.report(result, json: json)
                progress.fileDone()
            }
            let results = await registrar.register(items, request: request, progress: onBytes, report: onResult)
            progress.finish()
            await pool.shutdown()
            if let worst = Self.worstFailure(results) { throw worst }
        }

        private static func report(_ result: RegistrationResult, json: Bool) {
            let name = result.path.escaped
            if json {
                Console.out(JSONLine.encode(RegisterLine(result)))
            }
            switch result.outcome {
            case let .registered(digest, size, newClip, probeFailure):
                if !json {
                    Console.out("\(newClip ? "registered" : "already registered, custody added")  \(digest.short)  \(size)  \(name)")
                }
                if let probeFailure {
                    Console.err("footage: registered \(name), but it could not be probed: \(probeFailure.message)")
                }
            case let .skipped(kind):
                Console.err("footage: skipped \(name): it is \(kind.description), not a regular file (never opened)")
            case let .failed(failure):
                Console.err("footage: \(name) was not registered: \(failure.message)")
            }
        }

        private static func worstFailure(_ results: [RegistrationResult]) -> ExitCode? {
            var worst: RegistrationFailure.Kind?
            for result in results {
                let kind: RegistrationFailure.Kind
                switch result.outcome {
                case .registered: continue
                case .skipped: kind = .badData
                case let .failed(failure): kind = failure.kind
                }
                worst = max(worst ?? kind, kind)
            }
            return worst.map { CatalogueFailure.status($0) }
        }
    }
}

/// One `register --json` line.
private struct RegisterLine: Encodable {
    var path: ClipFileName
    var status: String
    var sha256: SHA256Digest?
    var size: Int64?
    var newClip: Bool?
    var probeFailure: ClipProbeFailure?
    var error: String?

    init(_ result: RegistrationResult) {
        path = result.path
        switch result.outcome {
        case let .registered(digest, size, newClip, failure):
            status = "registered"
            sha256 = digest
            self.size = size
            self.newClip = newClip
            probeFailure = failure
        case let .skipped(kind):
            status = "skipped"
            error = "not a regular file: \(kind.rawValue)"
        case let .failed(failure):
            status = "failed"
            error = failure.message
        }
    }
}

/// Compact, key-sorted JSON on one line.
enum JSONLine {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// The command line as the kernel passed it, byte for byte. Swift decodes `argv` into `String`s,
/// replacing bytes that are not UTF-8; file names must reach the vault unaltered, so each parsed
/// argument is matched back to the raw bytes it came from.
enum RawArguments {
    static func bytes(for argument: String) -> [UInt8] {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            if String(cString: raw) == argument {
                return Array(UnsafeBufferPointer(start: raw, count: strlen(raw))).map { UInt8(bitPattern: $0) }
            }
        }
        return Array(argument.utf8)
    }
}
