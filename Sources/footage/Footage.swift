import ArgumentParser

@main
struct Footage: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "footage",
        abstract: "A media-evidence catalogue: keep clips, read what is in them, check published timing claims against them.",
        version: version,
        subcommands: [
            Probe.self,
            ProbeWorkerCommand.self,
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
