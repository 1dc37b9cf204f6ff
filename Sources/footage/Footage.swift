import ArgumentParser

@main
struct Footage: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "footage",
        abstract: "A media-evidence catalogue: keep clips, read what is in them, check published timing claims against them.",
        version: version,
        subcommands: [Frames.self, Analyze.self]
    )
}
