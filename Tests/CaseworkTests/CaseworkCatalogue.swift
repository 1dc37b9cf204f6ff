import Catalogue
import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Vault

/// A fresh catalogue in a scratch folder with clips registered through the real prober.
struct CaseworkCatalogue {
    let scratch: ScratchFolder
    let catalogue: Catalogue

    init() throws {
        scratch = try ScratchFolder("casework-test")
        catalogue = try Catalogue.create(CatalogueLocation.inside(scratch.url.path),
                                         identity: CustodyIdentity(actor: "tester", toolVersion: "test"))
    }

    /// Registers a file (copied into the vault, or in place) and returns the clip's row id.
    func register(_ path: String, inPlace: Bool = false) async throws -> Int64 {
        let probe: ClipProbeFunction = { path in
            do throws(ProbeError) { return .success(try Prober.probe(path: path)) } catch {
                return .failure(ClipProbeFailure(reason: error.reason.rawValue, message: error.message))
            }
        }
        let request = RegistrationRequest(sourceURL: "https://example.org/clip", collectedAt: "2024-03-02T09:30:00.000Z",
                                          collector: "tester", note: nil, inPlace: inPlace, libraryVersions: [:])
        let results = await Registrar(catalogue: catalogue, probe: probe, concurrency: 1)
            .register(InputWalker.expand([Array(path.utf8)]), request: request)
        guard case let .registered(digest, _, _, _) = results.first?.outcome else {
            throw CaseworkTestFailure("registering \(path) failed: \(results)")
        }
        return try catalogue.resolveClip(digest.hex)
    }

    func events(_ clipID: Int64, _ action: CustodyAction) throws -> [CustodyEvent] {
        try catalogue.events(clipID: clipID).filter { $0.action == action }
    }
}

struct CaseworkTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
