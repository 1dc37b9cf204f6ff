import FootageModel
import Testing

@Suite struct ClipFileNameTests {
    @Test(arguments: [
        (Array("plain.mp4".utf8), "plain.mp4"),
        (Array("new\nline".utf8), "new\\nline"),
        (Array("back\\slash".utf8), "back\\\\slash"),
        ([0x62, 0xFF, 0x63], "b\\xffc"),
        (Array("\u{1B}[31m".utf8), "\\x1b[31m"),
        (Array("caf\u{E9}".utf8), "caf\u{E9}"),
        (Array("\u{202E}evil".utf8), "\\xe2\\x80\\xaeevil"),
    ])
    func namesAreEscapedForDisplay(bytes: [UInt8], shown: String) {
        let name = ClipFileName(bytes: bytes)
        #expect(name.escaped == shown)
        #expect(ClipFileName(escaped: shown) == name)
    }

    @Test func lastComponentIsTaken() {
        #expect(ClipFileName(lastComponentOf: Array("/a/b/c.mp4".utf8)) == ClipFileName("c.mp4"))
        #expect(ClipFileName(lastComponentOf: Array("rel/dir/".utf8)) == ClipFileName("dir"))
    }
}
