import ArgumentParser
import Catalogue
import FootageModel
import Foundation

extension Footage {
    /// `footage provenance CLIP`: the collection records and the custody log of one clip.
    struct Provenance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "provenance",
            abstract: "Shows a clip's collection records and every custody event, in order.",
            discussion: "Each event carries the SHA-256 of the event before it in the catalogue's log; footage verify checks that chain."
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Argument(help: "The clip: a unique prefix of its SHA-256.")
        var clip: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let opened = try catalogue.open()
            let history: ClipProvenance
            do { history = try opened.provenance(clipID: opened.resolveClip(clip)) } catch { throw CatalogueFailure.exit(error) }
            if json {
                try Console.printJSON(history)
                return
            }
            var lines = ["clip \(history.clip.digest.hex)"]
            for (index, collection) in history.collections.enumerated() {
                lines.append("")
                lines.append(index == 0 ? "collection record" : "collection record \(index + 1)")
                lines += Show.describe(collection).map { "  " + $0 }
            }
            lines.append("")
            lines.append("custody log")
            for event in history.events {
                lines.append("  #\(event.id)  \(event.occurredAt)  \(ClipFileName(event.actor).escaped)  \(event.action)  "
                             + "footage \(event.toolVersion)  \(ClipFileName.terminalSafe(event.details))")
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }
}
