import ArgumentParser
import Casework
import Catalogue
import Exports
import FootageCommands
import FootageModel
import Foundation
import MediaAnalysis

/// Everything one export writes, gathered once: the catalogue records in scope, the manifest
/// built from them and the frame images at the claimed moments.
struct ExportContents {
    let catalogue: Catalogue
    let records: ExportRecords
    let manifest: ExportManifest
    let frameFiles: [String: String]

    static func gather(_ scope: ExportScopeOptions) throws -> ExportContents {
        let (catalogue, records) = try scope.load()
        let assembly = ExportAssembly(records: records)
        let taken: ExportFrames.Taken
        do {
            taken = try ExportFrames(catalogue: catalogue, records: records).take(claims: assembly.claims())
        } catch {
            switch error {
            case let .catalogue(inner): throw CatalogueFailure.exit(inner)
            case let .analysis(inner):
                Console.err("footage export: \(inner.description)")
                throw ExitCode(AnalysisExit.status(for: inner))
            case .clipBytesMissing:
                Console.err("footage export: \(error.description)")
                throw ExitStatus.noInput
            }
        }
        for note in taken.skipped { Console.err("footage export: \(note)") }
        return ExportContents(catalogue: catalogue, records: records, manifest: assembly.manifest(frames: taken.frames),
                              frameFiles: taken.files)
    }
}

/// Who publishes the schema.org reviews, and where.
struct ReviewOptions: ParsableArguments {
    @Option(help: "Who publishes the reviews (schema.org author). Default: the user running the command.")
    var reviewer: String?

    @Option(help: "The page the reviews will be published on; each review is a fragment of it.")
    var reviewURL = "https://footage.invalid/reviews"

    var context: ReviewContext {
        ReviewContext(reviewer: reviewer ?? UserName.current, reviewerIsOrganization: reviewer != nil,
                      pageURL: reviewURL, published: Date())
    }
}

/// How export failures reach the user: one message on stderr and the matching exit code.
enum ExportFailure {
    static func exit(_ error: ExportError) -> ExitCode {
        Console.err("footage export: \(error.description)")
        return status(error)
    }

    static func status(_ error: ExportError) -> ExitCode {
        switch error {
        case let .system(_, _, code): code == ENOENT ? ExitStatus.noInput : ExitStatus.ioError
        case .destinationNotEmpty, .notAFolder: ExitStatus.usage
        case .unsafePayloadPath, .payloadPathClash, .invalidTag, .unrepresentable: ExitStatus.badData
        case .shortWrite, .archiveFailed: ExitStatus.ioError
        }
    }
}
