import ArgumentParser
import Catalogue
import FootageModel
import Foundation
import TimingClaims

extension Footage.Claims {
    /// `footage claims import FILE`: records reviewed claims, all or nothing.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Imports reviewed claims from a YAML, JSON or CSV claims file (Schemas/claims.schema.json).",
            discussion: """
            The file is validated strictly first; every problem is reported as FILE:LINE:COLUMN (exit 65). \
            Every article a claim names must be recorded already (footage article add). Claims are \
            written once: importing the same claim again changes nothing, and a different claim under \
            an id already recorded refuses the whole file (exit 65). Nothing is recorded unless every \
            claim in the file is. A missing file exits 66.
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Argument(help: "The claims file: .yaml/.yml, .json or .csv.")
        var file: String

        @Flag(help: "Print what was imported as JSON.")
        var json = false

        func validate() throws {
            if ClaimsFileFormat(fileName: file) == nil {
                throw ValidationError("\(ClipFileName(file).escaped): name the format with the extension .yaml, .yml, .json or .csv")
            }
        }

        func run() async throws {
            let text = try Extract.readText(file)
            let parsed: ClaimsFile
            do {
                parsed = try ClaimsFileReader.read(text, fileName: file, format: ClaimsFileFormat(fileName: file) ?? .yaml)
            } catch {
                Console.err(error.problems.map { "footage: \($0)" }.joined(separator: "\n"))
                throw ExitStatus.badData
            }
            let opened = try catalogue.open()
            let summary: ClaimImportSummary
            do { summary = try opened.importClaims(parsed, sourceFile: file) } catch { throw CatalogueFailure.exit(error) }
            if json {
                try Console.printJSON(summary)
            } else {
                for id in summary.added { Console.out("added      \(id)") }
                for id in summary.unchanged { Console.out("unchanged  \(id)") }
            }
            Console.err("\(summary.added.count) claim\(summary.added.count == 1 ? "" : "s") imported from \(file), "
                        + "\(summary.unchanged.count) already recorded; next: footage link CLAIM CLIP")
        }
    }
}
