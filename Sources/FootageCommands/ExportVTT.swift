package import ArgumentParser
import Catalogue
import Exports
import Foundation

extension Footage {
    /// `footage export vtt CLIP`: one clip's claimed moments as a WebVTT track.
    package struct ExportVTT: ParsableCommand {
        package static let configuration = CommandConfiguration(
            commandName: "vtt",
            abstract: "Print a WebVTT track for one clip: a cue per claimed interval with what the check found, optionally detected events and marks.",
            discussion: """
            Cue times are the claimed intervals in the clip's player time (after the link offset), \
            e.g. "in the sixth second" is 00:00:05.000 --> 00:00:06.000. Load the file as a \
            subtitle track in any player.
            """
        )

        @Argument(help: "The clip (any unique prefix of its SHA-256).")
        var clip: String

        @OptionGroup var catalogue: CatalogueOptions

        @Flag(help: "Add a cue at each event the analysis detected (audio onsets, scene cuts).")
        var events = false

        @Flag(help: "Add a cue at each mark a person made.")
        var marks = false

        @OptionGroup var output: ExportOutputOptions

        package init() {}

        package func run() throws {
            let opened = try catalogue.open()
            let records: ExportRecords
            do {
                records = try opened.exportRecords(ExportScope(clipIDs: [try opened.resolveClip(clip)]))
            } catch {
                throw CatalogueFailure.exit(error)
            }
            let assembly = ExportAssembly(records: records)
            let claims = assembly.claims()
            let verdicts = assembly.verdicts()
            guard let exported = assembly.clips().first else { throw CatalogueFailure.exit(.noSuchClip(prefix: clip)) }
            let text: String
            do {
                text = try ClaimTrack.track(for: exported, claims: claims, verdicts: verdicts, events: events, marks: marks).render()
            } catch {
                throw ExportFailure.exit(error)
            }
            try output.emit(text)
        }
    }
}
