import ArgumentParser
import ProbeIsolation

@main
struct Footage: AsyncParsableCommand {
    static let version = "0.1.0"

    /// For `footage probe`, forks the probe workers first, while nothing else runs (see
    /// `PrelaunchedWorkers`); then parses the command line and runs the command.
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst()
        // A keyframe listing starts its own small index worker and needs these only for scans.
        if arguments.first == "probe" && !arguments.contains("--keyframes") {
            let files = arguments.dropFirst().filter { !$0.hasPrefix("-") }.count
            let workers = PrelaunchedWorkers.fork(count: min(max(files, 1), ProbeWorkerPool.coreCount))
            await PrelaunchedWorkers.shared.keep(workers)
        }
        await (Footage.self as any AsyncParsableCommand.Type).main()
    }

    static let configuration = CommandConfiguration(
        commandName: "footage",
        abstract: "A media-evidence catalogue: keep clips, read what is in them, check published timing claims against them.",
        version: version,
        subcommands: [
            Probe.self,
            Init.self,
            Register.self,
            Clips.self,
            Show.self,
            Provenance.self,
            Verify.self,
            Article.self,
            Claims.self,
            Link.self,
            Mark.self,
            Frames.self,
            Analyze.self,
            Unresolved.self,
            Check.self,
            Export.self,
            Demo.self,
        ]
    )
}
