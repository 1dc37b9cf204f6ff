import ArgumentParser
import FootageCommands

/// The whole command tree, run as `footage-full`: `footage` runs the lean commands itself and
/// hands everything else (help, media commands, completions, usage errors) to this executable.
@main
struct FullFootage: AsyncParsableCommand {
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
            Footage.Check.self,
            Footage.Export.self,
            Footage.Demo.self,
        ]
    )
}
