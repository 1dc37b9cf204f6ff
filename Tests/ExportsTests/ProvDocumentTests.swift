import Exports
import Foundation
import Testing

@Suite("PROV-JSON writer")
struct ProvDocumentTests {
    static let collected = Date(timeIntervalSince1970: 1_795_000_000)

    /// The stand-in case: a clip collected by a person, registered and probed by Footage, a
    /// claim from an article, and a check that produced a verdict derived from both.
    static func caseDocument() -> ProvDocument {
        var prov = ProvDocument()
        prov.entity("footage:clip-5e1f", ["prov:label": .string("standin.mp4"), "footage:sha256": .string("5e1f…"),
                                          "footage:collectedAt": .dateTime(collected),
                                          "footage:source": .uri("https://example.org/post/1")])
        prov.entity("footage:claim-c2", ["prov:label": .string("a shot in the sixth second")])
        prov.entity("footage:verdict-c2", ["footage:outcome": .string("consistent")])
        prov.agent("footage:archivist", kind: .person, ["prov:label": .string("Archivist A")])
        prov.agent("footage:footage-0.1.0", kind: .softwareAgent, ["footage:version": .string("0.1.0")])
        prov.activity("footage:register-1", start: collected, end: collected.addingTimeInterval(2))
        prov.activity("footage:probe-1", start: collected.addingTimeInterval(2), end: collected.addingTimeInterval(3))
        prov.activity("footage:check-1", start: collected.addingTimeInterval(60), end: collected.addingTimeInterval(61),
                      ["footage:measurement": .string("audio-onsets")])
        prov.wasGeneratedBy(entity: "footage:clip-5e1f", activity: "footage:register-1", time: collected)
        prov.wasGeneratedBy(entity: "footage:verdict-c2", activity: "footage:check-1")
        prov.used(activity: "footage:probe-1", entity: "footage:clip-5e1f")
        prov.used(activity: "footage:check-1", entity: "footage:clip-5e1f")
        prov.used(activity: "footage:check-1", entity: "footage:claim-c2")
        prov.wasDerivedFrom(generated: "footage:verdict-c2", used: "footage:clip-5e1f")
        prov.wasAttributedTo(entity: "footage:clip-5e1f", agent: "footage:archivist")
        prov.wasAssociatedWith(activity: "footage:register-1", agent: "footage:archivist")
        prov.wasAssociatedWith(activity: "footage:probe-1", agent: "footage:footage-0.1.0")
        prov.wasAssociatedWith(activity: "footage:check-1", agent: "footage:footage-0.1.0")
        return prov
    }

    @Test func referenceReadsTheRecordsAndRelations() throws {
        let text = try Self.caseDocument().render()
        let program = """
        import json, sys
        from prov.model import ProvDocument, ProvAgent, ProvActivity, PROV
        doc = ProvDocument.deserialize(content=sys.stdin.read(), format='json')
        counts = {}
        for record in doc.get_records():
            name = type(record).__name__
            counts[name] = counts.get(name, 0) + 1
        agents = {str(r.identifier): [str(v) for v in r.get_attribute(PROV['type'])] for r in doc.get_records(ProvAgent)}
        starts = {str(r.identifier): r.get_startTime().isoformat() for r in doc.get_records(ProvActivity)}
        print(json.dumps({"counts": counts, "agents": agents, "starts": starts}))
        """
        let result = try Command.run("python3", ["-c", program], input: text)
        #expect(result.status == 0, "prov: \(result.errors)")
        struct Read: Decodable {
            var counts: [String: Int]
            var agents: [String: [String]]
            var starts: [String: String]
        }
        let read = try JSONDecoder().decode(Read.self, from: Data(result.output.utf8))
        #expect(read.counts == [
            "ProvEntity": 3, "ProvAgent": 2, "ProvActivity": 3,
            "ProvGeneration": 2, "ProvUsage": 3, "ProvDerivation": 1, "ProvAttribution": 1, "ProvAssociation": 3,
        ])
        #expect(read.agents == ["footage:archivist": ["prov:Person"], "footage:footage-0.1.0": ["prov:SoftwareAgent"]])
        #expect(read.starts["footage:register-1"] == "2026-11-18T11:06:40+00:00")
    }

    @Test func relationsAreKeyedByBlankIds() throws {
        let json = try Self.caseDocument().json()
        guard case .object(let generated)? = json["wasGeneratedBy"], case .object(let used)? = json["used"] else {
            Issue.record("relation maps missing")
            return
        }
        #expect(generated.map(\.key) == ["_:wgb1", "_:wgb2"])
        #expect(used.map(\.key) == ["_:u1", "_:u2", "_:u3"])
        #expect(json["prefix"]?["footage"] == .string("https://footage.invalid/ns#"))
        #expect(json["prefix"]?["prov"] == .string("http://www.w3.org/ns/prov#"))
    }

    @Test func refusesUndeclaredPrefixesAndRepeatedIds() {
        var undeclared = ProvDocument()
        undeclared.entity("elsewhere:clip")
        #expect(throws: ExportError.self) { try undeclared.render() }
        var repeated = ProvDocument()
        repeated.entity("footage:clip")
        repeated.entity("footage:clip")
        #expect(throws: ExportError.self) { try repeated.render() }
    }
}
