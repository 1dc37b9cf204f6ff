import Foundation
import TestSupport
import Testing

/// Several processes registering overlapping sets at once.
@Suite struct ConcurrencyTests {
    @Test(arguments: [2, 4])
    func processesRegisteringAtOnceNeverSeeBusyErrors(processes: Int) throws {
        let scratch = try ScratchFolder("concurrency-test")
        let root = scratch.url.path
        #expect(try FootageProcess.run(["init", root], in: root).status == 0)
        let files = 60
        for index in 0..<files {
            try scratch.write("f\(index).bin", Data("shared evidence \(index)".utf8))
        }
        // Process k registers files [k*15, k*15 + 30): neighbours overlap by half.
        var running: [Process] = []
        var assignments = 0
        for k in 0..<processes {
            let mine = (0..<30).map { "f\((k * 15 + $0) % files).bin" }
            assignments += mine.count
            running.append(try FootageProcess.start(["register"] + mine + ["--source", "https://example.org/p\(k)"],
                                                    in: root, stdout: scratch.url.appendingPathComponent("o\(k)"),
                                                    stderr: scratch.url.appendingPathComponent("e\(k)")))
        }
        for (k, process) in running.enumerated() {
            process.waitUntilExit()
            let errors = try String(contentsOf: scratch.url.appendingPathComponent("e\(k)"), encoding: .utf8)
            #expect(process.terminationStatus == 0, "\(errors)")
            #expect(!errors.lowercased().contains("busy") && !errors.lowercased().contains("locked"), "\(errors)")
        }
        let database = root + "/.footage/catalogue.sqlite"
        let distinct = Set((0..<processes).flatMap { k in (0..<30).map { (k * 15 + $0) % files } }).count
        #expect(try FootageProcess.sqlite(database, "SELECT count(*) FROM clips") == String(distinct))
        #expect(try FootageProcess.sqlite(database, "SELECT count(*) FROM collections") == String(assignments))
        #expect(try FootageProcess.sqlite(database, "SELECT count(*) FROM custody_events WHERE action IN ('registered', 'recollected')")
                == String(assignments))
        #expect(try FootageProcess.sqlite(database, "SELECT count(*) FROM custody_events WHERE action = 'registered'")
                == String(distinct))
        let objects = try FileManager.default.subpathsOfDirectory(atPath: root + "/.footage/vault/objects")
            .filter { $0.contains("/") }
        #expect(objects.count == distinct)
        let verify = try FootageProcess.run(["verify"], in: root)
        #expect(verify.status == 0, "\(verify.text)\(verify.stderr)")
    }
}
