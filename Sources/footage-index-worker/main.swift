#if canImport(Glibc)
import Glibc
#endif
import ContainerIndex
import FootageModel

// `footage-index-worker FILE`: the keyframe list of one MP4/MOV from its own sample tables, as
// JSON on stdout, without loading a media library. `footage probe --keyframes` starts it; the
// exit status (`IndexWorkerStatus`) says whether the list is there, or why not.

/// Lowers this process's limits before any byte of the file is read: the same address-space
/// ceiling as the probe worker, CPU seconds enough for the largest index many times over, no
/// file writes and no core dumps.
func lowerLimits() -> Bool {
    let limits: [(resource: Int32, value: UInt64)] = [
        (Int32(RLIMIT_AS.rawValue), 2 << 30),
        (Int32(RLIMIT_CPU.rawValue), 60),
        (Int32(RLIMIT_FSIZE.rawValue), 0),
        (Int32(RLIMIT_CORE.rawValue), 0),
    ]
    for (resource, value) in limits {
        var current = rlimit()
        guard getrlimit(resource, &current) == 0 else { return false }
        // Never raise: a limit the parent already set lower stays as it is.
        let hard = min(current.rlim_max, rlim_t(value))
        var lowered = rlimit(rlim_cur: min(current.rlim_cur, hard), rlim_max: hard)
        guard setrlimit(resource, &lowered) == 0 else { return false }
    }
    return true
}

/// Writes all of `bytes` to stdout, retrying on EINTR and short writes.
func writeOut(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return true }
        var written = 0
        while written < raw.count {
            let result = write(1, base + written, raw.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += result
        }
        return true
    }
}

/// A reason as a JSON string, for the parent to report.
func reasonJSON(_ text: String) -> [UInt8] {
    var out: [UInt8] = [UInt8(ascii: "\"")]
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
        case 0..<0x20: out += Array("\\u00".utf8) + Array(String(byte, radix: 16).count == 1 ? "0\(String(byte, radix: 16))".utf8 : String(byte, radix: 16).utf8)
        default: out.append(byte)
        }
    }
    out.append(UInt8(ascii: "\""))
    return out
}

func finish(_ status: IndexWorkerStatus, reason: String) -> Never {
    _ = writeOut(reasonJSON(reason))
    exit(status.rawValue)
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    finish(.usage, reason: "usage: footage-index-worker FILE (started by footage probe --keyframes)")
}
let path = arguments[1]
guard lowerLimits() else { finish(.limitsRefused, reason: "setrlimit failed: \(String(cString: strerror(errno)))") }

// O_NOFOLLOW: the parent has already resolved and checked the path; a link put there since is
// refused rather than followed.
let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
guard descriptor >= 0 else {
    let code = errno
    let detail = code == ELOOP ? "is a symbolic link, refused" : String(cString: strerror(code))
    finish(.unreadable, reason: "open failed for \(path): \(detail)")
}
do {
    // Only video tracks are expanded into packets: the others cost time and list no keyframes.
    guard let index = try ContainerIndexReader.read(adopting: descriptor, path: path, handlers: IndexedKeyframes.handlers) else {
        finish(.noUsableIndex, reason: "\(path): not an mp4 or mov file")
    }
    guard let keyframes = IndexedKeyframes.list(index) else {
        let reason = index.tracks.first { IndexedKeyframes.handlers.contains($0.handler) && $0.limitation != nil }
            .flatMap { track in track.limitation.map { "stream \(track.streamIndex): \($0)" } }
        finish(.noUsableIndex, reason: "\(path): \(reason ?? index.incompleteReason ?? "the index is incomplete")")
    }
    guard writeOut(KeyframeListJSON.encode(keyframes)) else { exit(IndexWorkerStatus.unreadable.rawValue) }
    exit(IndexWorkerStatus.listed.rawValue)
} catch {
    switch error {
    case .io: finish(.unreadable, reason: error.description)
    case .malformed, .tooLarge: finish(.noUsableIndex, reason: error.description)
    }
}
