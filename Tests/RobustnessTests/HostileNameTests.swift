import Foundation
import TestSupport
import Testing

/// Names that try to break output, and inputs that are not regular files.
@Suite struct HostileNameTests {
    /// Creates a file whose name is exactly these bytes (which need not be UTF-8).
    private func create(_ folder: String, name: [UInt8], contents: String) throws {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = contents.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
    }

    @Test func hostileNamesAreStoredByteExactAndShownEscaped() throws {
        let scratch = try ScratchFolder("names-test")
        let root = scratch.url.path
        #expect(try FootageProcess.run(["init", root], in: root).status == 0)
        let folder = root + "/in"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names: [[UInt8]] = [
            Array("new\nline.mp4".utf8),
            Array("-leading-dash.mp4".utf8),
            [0x62, 0x61, 0x64, 0xFF, 0xFE, 0x2E, 0x6D, 0x70, 0x34],
            Array(repeating: UInt8(ascii: "n"), count: 251) + Array(".mp4".utf8),
            Array("\u{1B}[31mred\u{1B}]0;title\u{07}.mp4".utf8),
        ]
        for (index, name) in names.enumerated() { try create(folder, name: name, contents: "file \(index)") }
        let register = try FootageProcess.run(["register", "in", "--source", "https://example.org/names", "--json"], in: root)
        #expect(register.status == 0, "\(register.stderr)")
        #expect(register.text.split(separator: "\n").count == names.count)

        let database = root + "/.footage/catalogue.sqlite"
        let stored = try FootageProcess.sqlite(database, "SELECT hex(original_name) FROM collections ORDER BY hex(original_name)")
        let expected = names.map { $0.map { String(format: "%02X", $0) }.joined() }.sorted().joined(separator: "\n")
        #expect(stored == expected)

        for command in [["clips"], ["clips", "--json"]] {
            let listing = try FootageProcess.run(command, in: root)
            #expect(listing.status == 0)
            #expect(!listing.stdout.contains(0x1B), "raw escape byte in \(command)")
            #expect(!listing.stdout.contains(0x07))
            #expect(String(validating: listing.stdout, as: UTF8.self) != nil)
        }
        let plain = try FootageProcess.run(["clips"], in: root).text
        #expect(plain.split(separator: "\n").count == names.count)
        #expect(plain.contains("new\\nline.mp4"))
        #expect(plain.contains("bad\\xff\\xfe.mp4"))
        #expect(plain.contains("\\x1b[31mred\\x1b]0;title\\x07.mp4"))
        #expect(plain.contains("-leading-dash.mp4"))

        // A leading dash given directly on the command line, after `--`.
        try scratch.write("-direct.bin", Data("direct".utf8))
        let direct = try FootageProcess.run(["register", "--source", "https://example.org/dash", "--", "-direct.bin"], in: root)
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(direct.text.contains("-direct.bin"))
    }

    @Test func nonRegularInputsAreReportedWithoutBeingOpened() throws {
        let scratch = try ScratchFolder("inputs-test")
        let root = scratch.url.path
        #expect(try FootageProcess.run(["init", root], in: root).status == 0)
        try scratch.write("target.bin", Data("target".utf8))
        #expect(symlink(root + "/target.bin", root + "/link.bin") == 0)
        #expect(mkfifo(root + "/pipe", 0o644) == 0)
        for (input, words) in [("link.bin", "a symbolic link"), ("pipe", "a FIFO"), ("/dev/null", "a character device")] {
            let run = try FootageProcess.run(["register", input, "--source", "https://example.org/x"], in: root)
            #expect(run.status == 65, "\(input): \(run.stderr)")
            #expect(run.stderr.contains("skipped") && run.stderr.contains(words), "\(run.stderr)")
        }
        let missing = try FootageProcess.run(["register", "absent.mp4", "--source", "https://example.org/x"], in: root)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("absent.mp4"))
        #expect(try FootageProcess.sqlite(root + "/.footage/catalogue.sqlite", "SELECT count(*) FROM clips") == "0")
    }

    @Test func aFullDiskIsAnIOErrorAndLeavesTheCatalogueConsistent() throws {
        let scratch = try ScratchFolder("full-disk-test")
        let root = scratch.url.path
        #expect(try FootageProcess.run(["init", root], in: root).status == 0)
        try scratch.write("big.bin", Data(repeating: 0x5A, count: 400_000))
        try scratch.write("small.bin", Data("small".utf8))
        // 200 blocks of 1 KiB: the 400 kB copy cannot be written, the small one can.
        let run = try FootageProcess.bash(
            "ulimit -f 200; exec \"$FOOTAGE_BIN\" register big.bin small.bin --source https://example.org/full", in: root)
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("big.bin") && run.stderr.contains("File too large"), "\(run.stderr)")
        let database = root + "/.footage/catalogue.sqlite"
        #expect(try FootageProcess.sqlite(database, "PRAGMA integrity_check") == "ok")
        #expect(try FootageProcess.sqlite(database, "SELECT count(*) FROM clips") == "1")
        let verify = try FootageProcess.run(["verify"], in: root)
        #expect(verify.status == 0, "\(verify.text)")
    }

    @Test func noCatalogueSaysToRunInit() throws {
        let scratch = try ScratchFolder("no-catalogue-test")
        let run = try FootageProcess.run(["clips"], in: scratch.url.path)
        #expect(run.status == 66)
        #expect(run.stderr.contains("footage init"))
    }
}
