package import ArgumentParser
import Exports
import Foundation

extension Footage {
    /// `footage export manifest`: the whole export as one JSON document.
    package struct ExportManifestCommand: ParsableCommand, ExportMediaCommand {
        package static let configuration = CommandConfiguration(
            commandName: "manifest",
            abstract: "Print the export manifest: clips, probe summaries, detections, marks, articles, claims, verdicts, frames and custody log (Schemas/manifest.schema.json)."
        )

        @OptionGroup var scope: ExportScopeOptions
        @OptionGroup var output: ExportOutputOptions

        package init() {}

        package func run() throws { try runWithStoredFrames() }

        package func run(media: any ExportMediaWork) throws {
            let contents = try ExportContents.gather(scope, media: media)
            let data: Data
            do { data = try contents.manifest.encoded() } catch { throw ExportFailure.exit(error) }
            try output.emit(String(decoding: data, as: UTF8.self))
        }
    }

    /// `footage export prov`: W3C PROV-JSON.
    package struct ExportProv: ParsableCommand, ExportMediaCommand {
        package static let configuration = CommandConfiguration(
            commandName: "prov",
            abstract: "Print the provenance as W3C PROV-JSON: clips, claims, verdicts and frames as entities, custody events as activities, people and Footage as agents."
        )

        @OptionGroup var scope: ExportScopeOptions
        @OptionGroup var output: ExportOutputOptions

        package init() {}

        package func run() throws { try runWithStoredFrames() }

        package func run(media: any ExportMediaWork) throws {
            let contents = try ExportContents.gather(scope, media: media)
            let text: String
            do { text = try EvidenceProvenance.document(contents.manifest).render() } catch { throw ExportFailure.exit(error) }
            try output.emit(text)
        }
    }

    /// `footage export jsonld`: schema.org ClaimReview and MediaReview.
    package struct ExportJSONLD: ParsableCommand, ExportMediaCommand {
        package static let configuration = CommandConfiguration(
            commandName: "jsonld",
            abstract: "Print schema.org JSON-LD: a ClaimReview per checked claim and a MediaReview with a VideoObject per clip."
        )

        @OptionGroup var scope: ExportScopeOptions
        @OptionGroup var review: ReviewOptions
        @OptionGroup var output: ExportOutputOptions

        package init() {}

        package func run() throws { try runWithStoredFrames() }

        package func run(media: any ExportMediaWork) throws {
            let contents = try ExportContents.gather(scope, media: media)
            let manifest = contents.manifest
            let text: String
            do {
                text = try SchemaOrgDocument.render(context: review.context, clips: manifest.clips, claims: manifest.claims,
                                                    verdicts: manifest.verdicts, articles: manifest.articles)
            } catch {
                throw ExportFailure.exit(error)
            }
            try output.emit(text)
        }
    }
}
