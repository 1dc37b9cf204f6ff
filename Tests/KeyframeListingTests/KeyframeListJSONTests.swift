import FootageModel
import Testing

@Suite("Keyframe list JSON")
struct KeyframeListJSONTests {
    let entries = [
        KeyframeEntry(streamIndex: 0, pts: 0, timeBase: Rational(1, 12_800)),
        KeyframeEntry(streamIndex: 0, pts: 12_800, timeBase: Rational(1, 12_800)),
        KeyframeEntry(streamIndex: 2, pts: -1_001, timeBase: Rational(1_001, 30_000)),
    ]

    @Test("what encode writes, decode reads back")
    func roundTrip() {
        let bytes = KeyframeListJSON.encode(entries)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix(#"[{"stream_index":0,"pts":0,"pts_time":"0.000000","time_base":"1/12800"}"#))
        #expect(KeyframeListJSON.decode(bytes) == entries)
        #expect(KeyframeListJSON.decode(Array("[]".utf8)) == [])
    }

    @Test("pts_time is ffprobe's %f of pts times the time base")
    func ptsTime() {
        #expect(entries[1].ptsTime == "1.000000")
        #expect(entries[2].ptsTime == "-33.400033")
    }

    @Test("anything but the exact form is refused", arguments: [
        "", "[", "[{}]", "[] ", #"[{"stream_index":0,"pts":0,"pts_time":"0.500000","time_base":"1/12800"}]"#,
        #"[{"stream_index":0,"pts":0,"pts_time":"0.000000","time_base":"1/0"}]"#,
        #"[{"pts":0,"stream_index":0,"pts_time":"0.000000","time_base":"1/1"}]"#,
        #"[{"stream_index":0,"pts":0,"pts_time":"0.000000","time_base":"1/1"},]"#,
    ])
    func refusesOtherText(text: String) {
        #expect(KeyframeListJSON.decode(Array(text.utf8)) == nil)
    }
}
