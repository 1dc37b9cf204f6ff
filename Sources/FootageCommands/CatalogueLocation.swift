package import ArgumentParser
package import Catalogue
import Foundation
import Vault

/// The `--catalogue` option every catalogue command shares, and how a command opens it.
package struct CatalogueOptions: ParsableArguments {
    @Option(name: .customLong("catalogue"),
            help: "The catalogue to use (its .footage folder or the folder holding it). Default: FOOTAGE_CATALOGUE, else the nearest .footage/ upward from here.")
    package var path: String?

    package init() {}

    package func location() throws(CatalogueError) -> CatalogueLocation {
        try CatalogueLocation.find(named: path, environment: ProcessInfo.processInfo.environment,
                                   currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Opens the catalogue acting as `actor` (default: the user running the command).
    package func open(actor: String? = nil) throws -> Catalogue {
        do {
            return try Catalogue.open(location(), identity: identity(actor: actor))
        } catch {
            throw CatalogueFailure.exit(error)
        }
    }

    /// Who the custody events this command appends name: `actor`, else the user running it.
    package func identity(actor: String? = nil) -> CustodyIdentity {
        CustodyIdentity(actor: actor ?? UserName.current, toolVersion: Footage.version)
    }
}

/// How catalogue errors reach the user: one message on stderr and the matching exit code.
package enum CatalogueFailure {
    package static func exit(_ error: CatalogueError) -> ExitCode {
        Console.err("footage: \(error.description)")
        return status(error)
    }

    package static func status(_ error: CatalogueError) -> ExitCode {
        switch error {
        case .notFound, .missing, .noSuchClip: ExitStatus.noInput
        case .alreadyExists, .ambiguousClip, .invalidClipName, .invalidTime: ExitStatus.usage
        case let .database(_, _, ioFailure): ioFailure ? ExitStatus.ioError : ExitStatus.internalError
        case let .vault(inner): inner.isMissingInput ? ExitStatus.noInput : ExitStatus.ioError
        case let .rejected(rejection): rejection.kind == .missing ? ExitStatus.noInput : ExitStatus.badData
        }
    }

    package static func status(_ failure: RegistrationFailure.Kind) -> ExitCode {
        switch failure {
        case .badData: ExitStatus.badData
        case .missingInput: ExitStatus.noInput
        case .inputOutput: ExitStatus.ioError
        }
    }
}

/// The name of the user running the command, for custody records.
package enum UserName {
    package static var current: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        return ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "uid-\(geteuid())"
    }
}
