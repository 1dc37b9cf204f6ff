import Foundation
import TestSupport

/// One run of the worked example through the built binary: a fresh catalogue, one clip
/// registered, the example's claims imported and linked, marks if any, then `footage check`.
struct CheckCase {
    let scratch: ScratchFolder
    let catalogue: String
    let digest: String

    /// The claims of the worked example about the 9-second clip.
    static let claims = """
        article: case-test
        claims:
          - id: length
            kind: duration
            quote: "a 9-second clip"
            timing: a 9-second clip
          - id: first-shot
            kind: event
            quote: "In the sixth second the soldier on the left fires a shot"
            timing: in the sixth second
            event: shot
            count: 1
          - id: two-shots
            kind: order
            quote: "followed by two shots from the soldier on the right"
            event: shot
            count: 2
            follows: first-shot
          - id: scene
            kind: visual
            quote: "three soldiers next to an infantry fighting vehicle"
          - id: platoon
            kind: no_footage
            quote: "nearly 40 soldiers had walked away from their trenches"

        """

    static let linked = ["length", "first-shot", "two-shots", "scene"]

    /// Registers `clip`, imports and links the claims, and adds marks (`(time, label)`).
    init(clip: URL, marks: [(String, String)] = []) throws {
        scratch = try ScratchFolder("footage-check")
        catalogue = scratch.url.path
        try Self.expect(["init", catalogue])
        try Self.expect(["register", clip.path, "--source", "https://example.org/case", "--by", "tester",
                         "--catalogue", catalogue])
        let clips = try FootageRun.run(["clips", "--json", "--catalogue", catalogue])
        digest = try Self.firstDigest(clips.stdout)
        try Self.expect(["article", "add", "https://example.org/case-article", "--id", "case-test", "--catalogue", catalogue])
        let file = try scratch.write("claims.yaml", Data(Self.claims.utf8))
        try Self.expect(["claims", "import", file, "--catalogue", catalogue])
        for claim in Self.linked {
            try Self.expect(["link", claim, digest, "--catalogue", catalogue])
        }
        for (time, label) in marks {
            try Self.expect(["mark", digest, "--at", time, "--label", label, "--by", "tester", "--catalogue", catalogue])
        }
    }

    /// `footage check [target] --json`: the exit status and the verdicts by claim id.
    func check(_ target: String? = nil) throws -> (status: Int32, verdicts: [String: [String: Any]], raw: String) {
        let run = try FootageRun.run(["check"] + (target.map { [$0] } ?? []) + ["--json", "--catalogue", catalogue])
        guard let list = try run.json() as? [[String: Any]] else {
            throw FixtureError.failed("check printed no verdict list: \(run.stdout) \(run.stderr)")
        }
        var byClaim: [String: [String: Any]] = [:]
        for verdict in list {
            if let id = verdict["claim_id"] as? String { byClaim[id] = verdict }
        }
        return (run.status, byClaim, run.stdout)
    }

    /// `footage check [target]` as a person reads it.
    func checkText(_ target: String? = nil) throws -> FootageRun {
        try FootageRun.run(["check"] + (target.map { [$0] } ?? []) + ["--catalogue", catalogue])
    }

    /// The clip's custody events by action.
    func eventCounts() throws -> [String: Int] {
        let run = try FootageRun.run(["provenance", digest, "--json", "--catalogue", catalogue])
        guard let object = try run.json() as? [String: Any], let events = object["events"] as? [[String: Any]] else {
            throw FixtureError.failed("provenance printed no events: \(run.stdout)")
        }
        var counts: [String: Int] = [:]
        for event in events { counts[event["action"] as? String ?? "", default: 0] += 1 }
        return counts
    }

    static func expect(_ arguments: [String]) throws {
        let run = try FootageRun.run(arguments)
        if run.status != 0 {
            throw FixtureError.failed("footage \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
        }
    }

    static func firstDigest(_ json: String) throws -> String {
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let list = (parsed as? [[String: Any]]) ?? ((parsed as? [String: Any])?["clips"] as? [[String: Any]]) ?? []
        guard let digest = list.first?["digest"] as? String else { throw FixtureError.failed("no clip listed: \(json)") }
        return digest
    }
}

extension Dictionary where Key == String, Value == Any {
    /// A nested value by keys, e.g. `["measurement", "source"]`.
    func value(_ path: String...) -> Any? {
        var current: Any? = self
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    func text(_ path: String...) -> String? {
        var current: Any? = self
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? String
    }
}
