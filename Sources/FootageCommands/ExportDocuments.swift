package import ArgumentParser
package import Exports
import Foundation

/// An export command that prints one document made from the gathered export: each says only
/// how its document is rendered.
package protocol ExportDocumentCommand: ExportMediaCommand {
    var scope: ExportScopeOptions { get }
    var output: ExportOutputOptions { get }

    /// The document's text.
    func render(_ contents: ExportContents) throws(ExportError) -> String
}

extension ExportDocumentCommand {
    package func run(media: any ExportMediaWork) throws {
        let contents = try ExportContents.gather(scope, media: media)
        let text: String
        do { text = try render(contents) } catch { throw ExportFailure.exit(error) }
        try output.emit(text)
    }
}

extension Footage {
    /// `footage export manifest`: the whole export as one JSON document.
    package struct ExportManifestCommand: ParsableCommand, ExportDocumentCommand {
        package static let configuration = CommandConfiguration(
            commandName: "manifest",
            abstract: "Print the export manifest: clips, probe summaries, detections, marks, articles, claims, verdicts, frames and custody log (Schemas/manifest.schema.json)."
        )

        @OptionGroup package var scope: ExportScopeOptions
        @OptionGroup package var output: ExportOutputOptions

        package init() {}

        package func run() throws { try runWithStoredFrames() }

        package func render(_ contents: ExportContents) throws(ExportError) -> String {
            String(decoding: try contents.manifest.encoded(), as: UTF8.self)
        }
    }

    /// `footage export prov`: W3C PROV-JSON.
    package struct ExportProv: ParsableCommand, ExportDocumentCommand {
        package static let configuration = CommandConfiguration(
            commandName: "prov",
            abstract: "Print the provenance as W3C PROV-JSON: clips, claims, verdicts and frames as entities, custody events as activities, people and Footage as agents."
        )

        @OptionGroup package var scope: ExportScopeOptions
        @OptionGroup package var output: ExportOutputOptions

        package init() {}

        package func run() throws { try runWithStoredFrames() }

        package func render(_ contents: ExportContents) throws(ExportError) -> String {
            try EvidenceProvenance.document(contents.manifest).render()
        }
    }

    /// `footage export jsonld`: schema.org ClaimReview and MediaReview.
    package struct ExportJSONLD: ParsableCommand, ExportDocumentCommand {
        package static let configuration = CommandConfiguration(
            commandName: "jsonld",
            abstract: "Print schema.org JSON-LD: a ClaimReview per checked claim and a MediaReview with a VideoObject per clip."
        )

        @OptionGroup package var scope: ExportScopeOptions
        @OptionGroup var review: ReviewOptions
        @OptionGroup package var output: ExportOutputOptions

        package init() {}

        package func run() throws { try runWithStoredFrames() }

        package func render(_ contents: ExportContents) throws(ExportError) -> String {
            let manifest = contents.manifest
            return try SchemaOrgDocument.render(context: review.context, clips: manifest.clips, claims: manifest.claims,
                                                verdicts: manifest.verdicts, articles: manifest.articles)
        }
    }
}
