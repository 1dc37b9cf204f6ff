import Catalogue
import Foundation
import TestSupport
import Testing

@Suite struct CatalogueLocationTests {
    @Test func theNearestCatalogueUpwardIsFound() throws {
        let test = try TestCatalogue()
        let deep = test.scratch.path("a/b/c")
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        let found = try CatalogueLocation.find(named: nil, environment: [:], currentDirectory: deep)
        #expect(found == test.catalogue.location)
    }

    @Test func aNamedCatalogueWinsOverTheEnvironmentAndTheFolder() throws {
        let here = try TestCatalogue()
        let named = try TestCatalogue()
        let other = try TestCatalogue()
        let cwd = here.scratch.url.path
        #expect(try CatalogueLocation.find(named: named.scratch.url.path, environment: ["FOOTAGE_CATALOGUE": other.scratch.url.path],
                                           currentDirectory: cwd) == named.catalogue.location)
        #expect(try CatalogueLocation.find(named: nil, environment: ["FOOTAGE_CATALOGUE": other.catalogue.location.folder],
                                           currentDirectory: cwd) == other.catalogue.location)
    }

    @Test func noCatalogueIsAClearError() throws {
        let scratch = try ScratchFolder("no-catalogue")
        #expect {
            try CatalogueLocation.find(named: nil, environment: [:], currentDirectory: scratch.url.path)
        } throws: { error in
            guard case .notFound = error as? CatalogueError else { return false }
            return (error as? CatalogueError)?.description.contains("footage init") == true
        }
        #expect(throws: CatalogueError.self) {
            try CatalogueLocation.find(named: scratch.path("nothing"), environment: [:], currentDirectory: "/")
        }
    }

    @Test func initRefusesToOverwrite() throws {
        let test = try TestCatalogue()
        #expect(throws: CatalogueError.self) {
            try Catalogue.create(test.catalogue.location, identity: test.catalogue.identity)
        }
    }
}
