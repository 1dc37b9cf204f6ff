import ArgumentParser
import Casework
import FootageCommands
import MediaProbe

/// The whole command tree, run as `footage-full`: `footage` hands the lean commands to
/// `footage-lean` and everything else (help, media commands, completions) to this executable,
/// and `footage-lean` hands on the lines it cannot run, usage errors among them.
@main
struct FullFootage: AsyncParsableCommand {
    /// Parses and runs like ArgumentParser's own `main`, except that `check` and the export
    /// documents get the media work that decodes (in `footage-lean`, the same commands hand themselves
    /// on to this executable when they need it).
    static func main() async {
        // Decoding damaged footage makes libav print a line per bad picture; every failure that
        // matters reaches the user as this tool's own message, naming the file.
        LibraryLogging.set(.quiet)
        await parseAndRun()
    }

    /// Off the main actor, as the commands' own `run` is: the command value is never sent across.
    private nonisolated static func parseAndRun() async {
        do {
            var command = try parseAsRoot()
            if let check = command as? Footage.Check {
                try check.run(media: DecodingCheckWork())
            } else if let export = command as? any ExportMediaCommand {
                try export.run(media: DecodingExportWork())
            } else if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "footage",
        abstract: "A media-evidence catalogue: keep clips, read what is in them, check published timing claims against them.",
        version: Footage.version,
        subcommands: [
            LeanCommand.probe.type,
            LeanCommand.initialize.type,
            LeanCommand.register.type,
            LeanCommand.clips.type,
            LeanCommand.show.type,
            LeanCommand.provenance.type,
            LeanCommand.verify.type,
            LeanCommand.article.type,
            LeanCommand.claims.type,
            LeanCommand.link.type,
            LeanCommand.mark.type,
            Footage.Frames.self,
            Footage.Analyze.self,
            LeanCommand.unresolved.type,
            LeanCommand.check.type,
            Footage.Export.self,
            Footage.Demo.self,
        ]
    )
}
