import FootageModel
import Glibc

/// Bytes bound for stdout, gathered and written with `write(2)` in blocks of about 64 KiB, so a
/// listing of 100,000 lines is a hundred system calls and no per-line `String` or `Data`. A
/// holding buffer gathers everything instead, for output made ahead of its turn.
struct OutputBuffer: ~Copyable {
    private var bytes: [UInt8] = []
    private let holds: Bool
    private static let blockSize = 1 << 16

    init() {
        holds = false
        bytes.reserveCapacity(Self.blockSize + 4096)
    }

    /// A buffer that never writes by itself; `capacity` is a guess at what it will hold.
    init(holding capacity: Int) {
        holds = true
        bytes.reserveCapacity(max(Self.blockSize, capacity))
    }

    /// What a holding buffer has gathered, leaving it empty.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// Fixed text (a separator, a bracket): no `String` is made for it.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(raw: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: raw)
    }

    /// A name, URL or other stored text, escaped exactly as `ClipFileName.escaped` shows it;
    /// plain printable ASCII (nearly every name) is copied as it is.
    mutating func append(escaped raw: UnsafeRawBufferPointer) {
        if raw.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: raw)
        } else {
            bytes.append(contentsOf: ClipFileName(bytes: Array(raw)).escaped.utf8)
        }
    }

    mutating func append(decimal value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        // Most significant digit first, straight into the block (no temporary to reverse).
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// Seconds with three decimals, rounded to the nearest millisecond, from microseconds: the
    /// same text `Show.seconds` gives for a duration (`9.000s`).
    mutating func append(secondsFromMicroseconds micros: Int64) {
        if micros < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = Int64(micros.magnitude)
        let millis = (magnitude % 1_000_000 + 500) / 1000
        append(decimal: magnitude / 1_000_000 + (millis == 1000 ? 1 : 0))
        bytes.append(UInt8(ascii: "."))
        let fraction = millis % 1000
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
        bytes.append(UInt8(ascii: "s"))
    }

    /// Writes out what has gathered once a block is full (never, for a holding buffer).
    mutating func flushIfFull() throws(OutputFailure) {
        if !holds && bytes.count >= Self.blockSize { try flush() }
    }

    /// Writes out everything gathered so far.
    mutating func flush() throws(OutputFailure) {
        defer { bytes.removeAll(keepingCapacity: true) }
        try Self.write(bytes)
    }

    /// Writes `bytes` to stdout whole, looping over short writes.
    static func write(_ bytes: [UInt8]) throws(OutputFailure) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(STDOUT_FILENO, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw OutputFailure(code: failure) }
    }
}

/// Writing to stdout failed (a full disk, a closed pipe when SIGPIPE is ignored).
struct OutputFailure: Error, CustomStringConvertible {
    var code: Int32
    var description: String { "could not write to standard output: " + String(cString: strerror(code)).lowercased() }
}
