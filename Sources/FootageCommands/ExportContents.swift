package import ArgumentParser
package import Catalogue
package import Exports
import FootageModel
import Foundation

/// Everything one export writes, gathered once: the catalogue records in scope, the manifest
/// built from them and the frame images at the claimed moments.
package struct ExportContents {
    package let catalogue: Catalogue
    package let records: ExportRecords
    package let manifest: ExportManifest
    package let frameFiles: [String: String]
    /// Footage and the libraries it reads media with, as the manifest records them.
    package let tools: [ExportToolVersion]

    /// Reads the records in scope and takes their frames; a failure is written and its exit
    /// status thrown, except that missing media work throws `MediaLibrariesNeeded` before
    /// anything is written.
    package static func gather(_ scope: ExportScopeOptions, media: any ExportMediaWork) throws -> ExportContents {
        let (catalogue, records) = try scope.load()
        let assembly = ExportAssembly(records: records)
        let taken: ExportFrames.Taken
        let tools: [ExportToolVersion]
        do {
            taken = try ExportFrames(catalogue: catalogue, records: records, media: media).take(claims: assembly.claims())
            tools = ExportAssembly.tools(libraryVersions: try media.libraryVersions())
        } catch {
            switch error {
            case let .catalogue(inner): throw CatalogueFailure.exit(inner)
            case let .failed(message, status):
                Console.err("footage export: \(message)")
                throw ExitCode(status)
            case let .noFrame(message, _):
                Console.err("footage export: \(message)")
                throw ExitStatus.internalError
            case .needsMediaLibraries:
                throw MediaLibrariesNeeded()
            }
        }
        for note in taken.skipped { Console.err("footage export: \(note)") }
        return ExportContents(catalogue: catalogue, records: records, manifest: assembly.manifest(frames: taken.frames, tools: tools),
                              frameFiles: taken.files, tools: tools)
    }
}

/// Who publishes the schema.org reviews, and where.
package struct ReviewOptions: ParsableArguments {
    @Option(help: "Who publishes the reviews (schema.org author). Default: the user running the command.")
    package var reviewer: String?

    @Option(help: "The page the reviews will be published on; each review is a fragment of it.")
    package var reviewURL = "https://footage.invalid/reviews"

    package init() {}

    package var context: ReviewContext {
        ReviewContext(reviewer: reviewer ?? UserName.current, reviewerIsOrganization: reviewer != nil,
                      pageURL: reviewURL, published: Date())
    }
}

/// How export failures reach the user: one message on stderr and the matching exit code.
package enum ExportFailure {
    package static func exit(_ error: ExportError) -> ExitCode {
        Console.err("footage export: \(error.description)")
        return status(error)
    }

    package static func status(_ error: ExportError) -> ExitCode {
        switch error {
        case let .system(_, _, code): code == ENOENT ? ExitStatus.noInput : ExitStatus.ioError
        case .destinationNotEmpty, .notAFolder: ExitStatus.usage
        case .unsafePayloadPath, .payloadPathClash, .invalidTag, .unrepresentable: ExitStatus.badData
        case .shortWrite, .archiveFailed: ExitStatus.ioError
        }
    }
}
