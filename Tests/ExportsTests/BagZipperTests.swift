import Exports
import Foundation
import Testing

@Suite("Bag zip")
struct BagZipperTests {
    @Test func zipHoldsTheBagUnderOneFolderAndStillValidates() throws {
        let scratch = try ScratchFolder()
        let (bag, _) = try BagWriterTests.makeBag(in: scratch)
        let archive = scratch.file("bag.zip")
        try BagZipper().zip(bagDirectory: bag, to: archive)
        let program = """
        import json, sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            names = sorted(n for n in z.namelist() if not n.endswith('/'))
            z.extractall(sys.argv[2])
        print(json.dumps(names))
        """
        let unpacked = scratch.file("unpacked")
        let result = try Command.python(program, [archive, unpacked])
        #expect(result.status == 0, "zipfile: \(result.errors)")
        let names = try JSONDecoder().decode([String].self, from: Data(result.output.utf8))
        #expect(names == [
            "bag/bag-info.txt", "bag/bagit.txt", "bag/data/clips/clip.bin", "bag/data/manifest.json",
            "bag/data/tracks/claims.vtt", "bag/manifest-sha256.txt", "bag/manifest-sha512.txt",
            "bag/tagmanifest-sha256.txt", "bag/tagmanifest-sha512.txt",
        ])
        let reference = try Command.run("python3", ["-m", "bagit", "--validate", unpacked + "/bag"])
        #expect(reference.status == 0, "bagit: \(reference.errors)")
        #expect(BagVerifier().verify(bagAt: unpacked + "/bag") == [])
    }

    @Test func refusesToReplaceAnExistingFile() throws {
        let scratch = try ScratchFolder()
        let (bag, _) = try BagWriterTests.makeBag(in: scratch)
        let archive = try scratch.write("bag.zip", "already here")
        #expect(throws: ExportError.archiveFailed(path: archive, reason: "a file of that name already exists")) {
            try BagZipper().zip(bagDirectory: bag, to: archive)
        }
        #expect(try String(contentsOfFile: archive, encoding: .utf8) == "already here")
    }
}
