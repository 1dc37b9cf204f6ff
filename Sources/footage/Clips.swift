import ArgumentParser
import Catalogue
import FootageModel
import Foundation

extension Footage {
    /// `footage clips`: one line per clip.
    struct Clips: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lists the registered clips: short hash, duration, size in bytes, source, original name.",
            discussion: "Names are shown escaped (\\n, \\xNN) so that no name can disturb the terminal. A clip whose probe failed shows the reason in place of a duration."
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Flag(help: "Print a JSON array.")
        var json = false

        func run() async throws {
            let opened = try catalogue.open()
            let summaries: [ClipSummary]
            do { summaries = try opened.clipSummaries() } catch { throw CatalogueFailure.exit(error) }
            if json {
                try Console.printJSON(summaries)
                return
            }
            var text = ""
            text.reserveCapacity(summaries.count * 120)
            for clip in summaries {
                text += clip.digest.short
                text += "  "
                text += clip.duration.map { Show.seconds($0) } ?? (clip.probeFailure.map { "(\($0))" } ?? "-")
                text += "  \(clip.size)  "
                text += ClipFileName(bytes: Array(clip.sourceURL.utf8)).escaped
                text += "  "
                text += clip.originalName.escaped
                text += "\n"
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
