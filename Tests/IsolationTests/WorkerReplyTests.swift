import Foundation
@testable import ProbeIsolation
import Testing

/// The reply layout the parent reads without decoding, and the JSON check that guards it.
struct WorkerReplyTests {
    @Test(arguments: [
        #"{}"#, #"[]"#, #"{"a":[1,-2.5e3,0,true,false,null,"x\"\\\/\b\f\n\r\t\u00e9"]}"#,
        #"  {"nested":{"deeper":[[{}]]}}  "#, #""text""#, "0", "-0.0",
    ])
    func wellFormedJSONPasses(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(JSONSyntax.isValid(bytes, in: 0..<bytes.count))
    }

    @Test(arguments: [
        "", "{", #"{"a":}"#, #"{"a" 1}"#, "[1,]", "[1 2]", "01", "1.", "-", "1e", #""\x""#, #""\u12g4""#,
        "tru", "nul", #"{"a":1}}"#, "{\"a\":\"line\nbreak\"}", #"{'a':1}"#, "NaN",
    ])
    func malformedJSONFails(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(!JSONSyntax.isValid(bytes, in: 0..<bytes.count))
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let bytes = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect(!JSONSyntax.isValid(bytes, in: 0..<bytes.count))
    }

    @Test func aReplyLineRoundTrips() throws {
        let line = WorkerReply.line(id: 42, retiring: true, key: "packets", payload: Data(#"[{"pts":1}]"#.utf8))
        let bytes = Array(line.dropLast())
        let reply = try #require(WorkerReply.parse(bytes))
        #expect(reply.id == 42)
        #expect(reply.retiring)
        #expect(reply.key == "packets")
        #expect(String(decoding: bytes[reply.payload], as: UTF8.self) == #"[{"pts":1}]"#)
    }

    @Test(arguments: [
        #"{"id":1,"record":{"format":}"#, #"{"id":1,"unknown":{}}"#, #"{"record":{},"id":1}"#,
        #"{"id":x,"record":{}}"#, #"{"id":1,"record":{}"#, "y",
    ])
    func anythingElseIsNotAReply(_ text: String) {
        #expect(WorkerReply.parse(Array(text.utf8)) == nil)
    }
}
