import FootageModel

/// The PROV-JSON account of an export: clips, claims, verdicts and frames as entities, the
/// custody log's events as activities, the people and the tool as agents.
public enum EvidenceProvenance {
    public static func document(_ manifest: ExportManifest, namespace: String = "https://footage.invalid/ns#") -> ProvDocument {
        var prov = ProvDocument(footageNamespace: namespace)
        let toolVersion = manifest.tools.first { $0.name == "footage" }?.version ?? "unknown"
        let tool = "footage:tool-footage-\(localName(toolVersion))"
        prov.agent(tool, kind: .softwareAgent, ["prov:label": .string("footage \(toolVersion)")])

        var people: Set<String> = []
        func person(_ name: String) -> String {
            let id = "footage:person-\(localName(name))"
            if people.insert(id).inserted { prov.agent(id, kind: .person, ["prov:label": .string(name)]) }
            return id
        }

        for clip in manifest.clips {
            let id = clipID(clip.sha256)
            prov.entity(id, [
                "prov:label": .string(clip.fileName),
                "footage:sha256": .string(clip.sha256),
                "footage:size": .integer(clip.size),
            ])
            if let collector = clip.collectedBy { prov.wasAttributedTo(entity: id, agent: person(collector)) }
        }
        for claim in manifest.claims {
            prov.entity(claimID(claim.id), ["prov:label": .string(claim.summary), "footage:quote": .string(claim.quote),
                                            "footage:article": .uri(claim.articleURL)])
        }

        let subjects = Set(manifest.clips.map(\.sha256))
        var lastCheck: [String: String] = [:]
        for event in manifest.custody {
            let activity = "footage:event-\(event.sequence)"
            prov.activity(activity, start: event.at, end: event.at, [
                "prov:label": .string(event.action),
                "footage:toolVersion": .string(event.toolVersion),
            ])
            prov.wasAssociatedWith(activity: activity, agent: event.actor == "footage" ? tool : person(event.actor))
            if subjects.contains(event.subject) {
                if event.action == "registered" {
                    prov.wasGeneratedBy(entity: clipID(event.subject), activity: activity, time: event.at)
                } else {
                    prov.used(activity: activity, entity: clipID(event.subject), time: event.at)
                }
                if event.action == "checked" { lastCheck[event.subject] = activity }
            }
        }

        for (index, verdict) in manifest.verdicts.enumerated() {
            let id = "footage:verdict-\(index + 1)"
            prov.entity(id, ["prov:label": .string(verdict.outcome.words), "footage:outcome": .string(verdict.outcome.rawValue),
                             "footage:measurement": .string(verdict.measurement)])
            prov.wasDerivedFrom(generated: id, used: clipID(verdict.clipSHA256))
            if manifest.claims.contains(where: { $0.id == verdict.claimID }) {
                prov.wasDerivedFrom(generated: id, used: claimID(verdict.claimID))
            }
            if let activity = lastCheck[verdict.clipSHA256] { prov.wasGeneratedBy(entity: id, activity: activity) }
        }
        for (index, frame) in manifest.frames.enumerated() {
            let id = "footage:frame-\(index + 1)"
            prov.entity(id, ["prov:label": .string(frame.path), "footage:sha256": .string(frame.sha256),
                             "footage:time": .string(ExportTime.decimalSeconds(frame.time))])
            prov.wasDerivedFrom(generated: id, used: clipID(frame.clipSHA256))
        }
        return prov
    }

    static func clipID(_ sha256: String) -> String { "footage:clip-\(sha256)" }
    static func claimID(_ id: String) -> String { "footage:claim-\(localName(id))" }

    /// A qualified name's local part: letters, digits, `-`, `_` and `.` kept, anything else as
    /// `_xx` hex bytes, so any name maps to one valid identifier.
    static func localName(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "_" + Hex.encode([byte])
            }
        }
        return out.isEmpty ? "_" : out
    }
}
