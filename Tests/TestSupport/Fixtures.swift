public import Foundation

/// Media fixtures generated on demand with the `ffmpeg` command (never committed), cached per
/// test run by the ffmpeg arguments that made them.
///
/// Tests assert on what a fixture was made to contain (codec, size, durations, event times),
/// never on the encoder's output bytes.
public enum Fixtures {
    /// Where generated fixtures live; shared by every test in this process and reused across
    /// runs as long as the arguments are the same.
    public static let directory: URL = {
        let base = ProcessInfo.processInfo.environment["FOOTAGE_FIXTURES"]
            .map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("footage-fixtures")
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        return base
    }()

    /// Runs `ffmpeg -y -loglevel error <inputArguments> <output>` once and returns the output path.
    /// `name` gives the file its extension (the container follows from it unless `-f` is given).
    public static func make(_ name: String, _ arguments: [String]) throws -> URL {
        let key = stableHash(([name] + arguments).joined(separator: "\u{1F}"))
        let ext = (name as NSString).pathExtension
        let stem = (name as NSString).deletingPathExtension
        let target = directory.appendingPathComponent("\(stem)-\(key).\(ext)")
        if FileManager.default.fileExists(atPath: target.path) { return target }
        let partial = directory.appendingPathComponent("partial-\(UUID().uuidString)-\(stem).\(ext)")
        try run("ffmpeg", ["-y", "-nostdin", "-loglevel", "error"] + arguments + [partial.path])
        // rename() replaces atomically, so concurrent makers of the same fixture both succeed.
        if rename(partial.path, target.path) != 0 {
            throw FixtureError.failed("rename to \(target.path) failed: errno \(errno)")
        }
        return target
    }

    /// Ground truth for the CASE.md stand-in clip: impulse onsets in seconds (player time).
    public static let standInImpulses: [Double] = [5.40, 6.10, 6.55]

    /// The CASE.md stand-in: 9 s of test pattern (H.264, 25 fps) with AAC audio of quiet noise and
    /// short loud impulses standing in for shots. Variants change the length and the impulses.
    public static func standIn(duration: Double = 9, impulses: [Double] = standInImpulses,
                               audio: Bool = true, name: String = "standin.mp4") throws -> URL {
        var arguments = ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=\(duration)"]
        if audio {
            arguments += ["-f", "lavfi", "-i", "aevalsrc=exprs='\(impulseExpression(impulses))':s=48000:d=\(duration)"]
        }
        arguments += ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]
        if audio { arguments += ["-c:a", "aac", "-b:a", "128k"] }
        arguments += ["-shortest"]
        return try make(name, arguments)
    }

    /// An `aevalsrc` expression: noise at about -34 dBFS plus a decaying burst at each onset.
    public static func impulseExpression(_ onsets: [Double]) -> String {
        let bursts = onsets.map { t in
            "if(between(t,\(t),\(t + 0.04)),0.9*(random(1)*2-1)*exp(-(t-\(t))*70),0)"
        }
        return (["0.02*(random(0)*2-1)"] + bursts).joined(separator: "+")
    }

    /// Runs a command found on PATH, throwing with its stderr when it fails (see `ChildProcess`).
    @discardableResult
    public static func run(_ command: String, _ arguments: [String]) throws -> Data {
        try ChildProcess.output(of: command, arguments)
    }

    private static func stableHash(_ text: String) -> String {
        // FNV-1a: stable across runs (Swift's Hasher is seeded per process).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

public enum FixtureError: Error, CustomStringConvertible {
    case failed(String)
    public var description: String {
        switch self { case .failed(let message): message }
    }
}
