import ArgumentParser
import Casework
import Catalogue
import FootageCommands
import FootageModel
import Glibc

/// What a `frames` or `analyze` argument names: a file path when such a file exists, otherwise a
/// registered clip by a prefix of its SHA-256.
enum ClipArgument {
    case file(String)
    case clip(id: Int64, catalogue: Catalogue)

    /// Opens the catalogue only when an argument is not a file, and once for all arguments.
    final class Resolver {
        private let options: CatalogueOptions
        private var opened: Catalogue?

        init(_ options: CatalogueOptions) { self.options = options }

        /// The file or clip `text` names; on failure the message is written and the exit code
        /// thrown (66 when it is neither a file nor a known clip).
        func resolve(_ text: String, command: String) throws -> ClipArgument {
            var status = stat()
            if stat(text, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR { return .file(text) }
            guard SHA256Digest.isPrefix(text) else {
                Console.err("footage \(command): \(ClipFileName(text).escaped) is neither a file nor a clip hash")
                throw ExitStatus.noInput
            }
            let catalogue = try opened ?? options.open()
            opened = catalogue
            do {
                return .clip(id: try catalogue.resolveClip(text), catalogue: catalogue)
            } catch let error {
                if case .noSuchClip = error {
                    Console.err("footage \(command): \(text) is neither a file nor a registered clip; footage clips lists them")
                    throw ExitStatus.noInput
                }
                Console.err("footage \(command): \(error.description)")
                throw CatalogueFailure.status(error)
            }
        }
    }
}

/// How failures on registered clips reach the user.
enum CaseworkExit {
    static func status(for error: CaseworkError) -> ExitCode {
        switch error {
        case let .catalogue(inner): CatalogueFailure.status(inner)
        case let .analysis(inner): ExitCode(AnalysisExit.status(for: inner))
        case .clipBytesMissing: ExitStatus.noInput
        }
    }
}
