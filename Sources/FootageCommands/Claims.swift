import ArgumentParser

extension Footage {
    /// Published timing claims: extracted from prose, imported from claims files, listed.
    struct Claims: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claims",
            abstract: "Work with published timing claims.",
            subcommands: [List.self, Import.self, Extract.self],
            defaultSubcommand: List.self
        )
    }
}
