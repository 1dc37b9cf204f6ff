import ArgumentParser
import FootageCommands

extension Footage {
    /// `footage export`: evidence others can verify without Footage.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: ExportGroup.abstract,
            discussion: ExportGroup.discussion,
            subcommands: [ExportBag.self] + ExportGroup.documentCommands
        )
    }
}
