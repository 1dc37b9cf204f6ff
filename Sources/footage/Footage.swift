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
            Init.self,
            Register.self,
            Clips.self,
            Show.self,
            Provenance.self,
            Verify.self,
            Claims.self,
            Frames.self,
            Analyze.self,
        ]
    )
}
