import Exports
import Foundation
import Testing

@Suite("WebVTT writer")
struct WebVTTTests {
    struct ReadBack: Decodable, Equatable {
        var identifier: String?
        var start: String
        var end: String
        var text: String
        var json: String?
    }

    /// Reads the file with webvtt-py and returns each cue's identifier, times and text, with
    /// character references undone for text cues and JSON payloads re-serialised canonically.
    static func readWithReference(_ path: String) throws -> [ReadBack] {
        let program = """
        import html, json, sys, webvtt
        out = []
        for cue in webvtt.read(sys.argv[1]):
            text = cue.text
            try:
                payload = json.dumps(json.loads(text), sort_keys=True)
            except ValueError:
                payload = None
            out.append({"identifier": cue.identifier, "start": cue.start, "end": cue.end,
                        "text": html.unescape(text), "json": payload})
        print(json.dumps(out))
        """
        let result = try Command.python(program, [path])
        #expect(result.status == 0, "webvtt-py: \(result.errors)")
        return try JSONDecoder().decode([ReadBack].self, from: Data(result.output.utf8))
    }

    @Test func cuesReadBackWithTheSameTimesAndTexts() throws {
        let hostileText = "the soldier on the left fires --> then <b>two</b> shots & more"
        var document = WebVTTDocument(note: "claims linked to the stand-in clip")
        document.append(WebVTTCue(id: "claim-1", startMilliseconds: 5000, endMilliseconds: 6000, payload: .text(hostileText)))
        document.append(WebVTTCue(startMilliseconds: 6100, endMilliseconds: 6150, payload: .metadata(.record([
            "event": .string("audio-onset"),
            "time": .decimal("6.1"),
            "note": .string("a --> b <c> & d"),
        ]))))
        document.append(WebVTTCue(id: "late", startMilliseconds: 3_723_004, endMilliseconds: 3_723_005,
                                  payload: .text("first line\n\nsecond line")))
        let text = try document.render()
        #expect(text.hasPrefix("WEBVTT\n\nNOTE\nclaims linked to the stand-in clip\n\nclaim-1\n00:00:05.000 --> 00:00:06.000\n"))
        // The only arrows left are the timing lines'.
        #expect(text.components(separatedBy: "-->").count - 1 == 3)

        let scratch = try ScratchFolder()
        let path = try scratch.write("claims.vtt", text)
        let cues = try Self.readWithReference(path)
        #expect(cues.count == 3)
        #expect(cues.map(\.identifier) == ["claim-1", nil, "late"] || cues.map(\.identifier) == ["claim-1", "", "late"])
        #expect(cues.map(\.start) == ["00:00:05.000", "00:00:06.100", "01:02:03.004"])
        #expect(cues.map(\.end) == ["00:00:06.000", "00:00:06.150", "01:02:03.005"])
        #expect(cues[0].text == hostileText)
        #expect(cues[1].json == #"{"event": "audio-onset", "note": "a --> b <c> & d", "time": 6.1}"#)
        #expect(cues[2].text == "first line\nsecond line")
    }

    @Test func cuesComeOutInStartOrder() throws {
        let document = WebVTTDocument(cues: [
            WebVTTCue(id: "b", startMilliseconds: 2000, endMilliseconds: 3000, payload: .text("b")),
            WebVTTCue(id: "a", startMilliseconds: 1000, endMilliseconds: 1500, payload: .text("a")),
        ])
        let text = try document.render()
        #expect(text == "WEBVTT\n\na\n00:00:01.000 --> 00:00:01.500\na\n\nb\n00:00:02.000 --> 00:00:03.000\nb\n\n")
    }

    @Test(arguments: [(Int64(-1), Int64(10)), (5000, 5000), (6000, 5000)])
    func refusesCuesThatDoNotRunForward(start: Int64, end: Int64) {
        let document = WebVTTDocument(cues: [WebVTTCue(startMilliseconds: start, endMilliseconds: end, payload: .text("x"))])
        #expect(throws: ExportError.self) { try document.render() }
    }

    @Test(arguments: ["a --> b", "two\nlines", ""])
    func refusesIdsThatBreakTheLayout(id: String) {
        let document = WebVTTDocument(cues: [WebVTTCue(id: id, startMilliseconds: 0, endMilliseconds: 10, payload: .text("x"))])
        #expect(throws: ExportError.self) { try document.render() }
    }

    @Test func timestampsAlwaysCarryHoursAndThreeDigitMilliseconds() {
        #expect(WebVTTDocument.timestamp(0) == "00:00:00.000")
        #expect(WebVTTDocument.timestamp(5_040) == "00:00:05.040")
        #expect(WebVTTDocument.timestamp(360_000_001) == "100:00:00.001")
    }
}
