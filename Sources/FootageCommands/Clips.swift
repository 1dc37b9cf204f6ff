import ArgumentParser
import Catalogue
import FootageModel
import Foundation

extension Footage {
    /// `footage clips`: one line per clip.
    struct Clips: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clips",
            abstract: "Lists the registered clips: short hash, duration, size in bytes, source, original name.",
            discussion: "Names are shown escaped (\\n, \\xNN) so that no name can disturb the terminal. A clip whose probe failed shows the reason in place of a duration."
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Flag(help: "Print a JSON array.")
        var json = false

        func run() async throws {
            let opened = try catalogue.open()
            if json {
                let summaries: [ClipSummary]
                do { summaries = try opened.clipSummaries() } catch { throw CatalogueFailure.exit(error) }
                try Console.printJSON(summaries)
                return
            }
            // Rows go from SQLite's buffer straight into the output, a large catalogue's two halves
            // read at once: no per-row model value, `String` or Foundation formatting.
            let failure: OutputFailure?
            do {
                failure = try ClipListingText.write(opened)
            } catch {
                throw CatalogueFailure.exit(error)
            }
            if let failure {
                Console.err("footage: \(failure)")
                throw ExitStatus.ioError
            }
        }
    }
}
