@testable import Catalogue
import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Vault

/// A fresh catalogue in a scratch folder, and the real in-process prober to register with.
struct TestCatalogue {
    let scratch: ScratchFolder
    let catalogue: Catalogue

    init(actor: String = "tester") throws {
        scratch = try ScratchFolder("catalogue-test")
        catalogue = try Catalogue.create(CatalogueLocation.inside(scratch.url.path),
                                         identity: CustodyIdentity(actor: actor, toolVersion: "test"))
    }

    /// The real prober, run in this process.
    static let probe: ClipProbeFunction = { path in
        do throws(ProbeError) { return .success(try Prober.probe(path: path)) } catch {
            return .failure(ClipProbeFailure(reason: error.reason.rawValue, message: error.message))
        }
    }

    var registrar: Registrar { Registrar(catalogue: catalogue, probe: Self.probe, concurrency: 2) }

    static func request(source: String = "https://example.org/clip", inPlace: Bool = false) -> RegistrationRequest {
        RegistrationRequest(sourceURL: source, collectedAt: "2024-03-02T09:30:00.000Z", collector: "tester",
                            note: nil, inPlace: inPlace, libraryVersions: ["libavformat": LibraryVersions.avformat])
    }

    /// Registers paths and returns the results.
    func register(_ paths: [String], source: String = "https://example.org/clip", inPlace: Bool = false) async -> [RegistrationResult] {
        let items = InputWalker.expand(paths.map { Array($0.utf8) })
        return await registrar.register(items, request: Self.request(source: source, inPlace: inPlace))
    }
}

extension RegistrationResult {
    var digest: SHA256Digest? {
        if case let .registered(digest, _, _, _) = outcome { return digest }
        return nil
    }
}

/// `sha256sum` as the independent oracle for a file's digest.
func sha256sum(_ path: String) throws -> String {
    let output = try Fixtures.run("sha256sum", [path])
    return String(decoding: output.prefix(64), as: UTF8.self)
}
