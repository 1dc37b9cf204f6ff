import ArgumentParser
import Catalogue
import Foundation

extension Footage {
    /// `footage init [DIR]`: creates `DIR/.footage/` with an empty catalogue and vault.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Creates a catalogue (.footage/ with catalogue.sqlite and vault/) in a folder.",
            discussion: "Exit status: 0 when created, 64 when a catalogue is already there, 74 when the folder cannot be written."
        )

        @Argument(help: "The folder to create the catalogue in (default: the current folder).")
        var directory: String = "."

        func run() async throws {
            let location = CatalogueLocation.inside(directory)
            do {
                _ = try Catalogue.create(location, identity: CustodyIdentity(actor: UserName.current, toolVersion: Footage.version))
            } catch {
                throw CatalogueFailure.exit(error)
            }
            Console.out(location.folder)
            Console.err("next: footage register FILE… --source URL")
        }
    }
}
