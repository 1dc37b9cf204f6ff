import FootageModel
import Glibc

/// Bytes bound for stdout, gathered in one allocation and written with `write(2)` in blocks of
/// about 64 KiB, so a listing of 100,000 lines is a hundred system calls and no per-line
/// `String`, `Data` or array growth. A holding buffer gathers everything instead, for output
/// made ahead of its turn.
struct OutputBuffer: ~Copyable {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0
    private let holds: Bool
    private static let blockSize = 1 << 16

    init() {
        holds = false
        capacity = Self.blockSize * 2
        base = .allocate(byteCount: capacity, alignment: 16)
    }

    /// A buffer that never writes by itself; `capacity` is a guess at what it will hold.
    init(holding capacity: Int) {
        holds = true
        self.capacity = max(Self.blockSize, capacity)
        base = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    private var gathered: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Room for `extra` more bytes; returns where they go.
    private mutating func room(_ extra: Int) -> UnsafeMutableRawPointer {
        if count + extra > capacity {
            capacity = max(capacity * 2, count + extra)
            let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            larger.copyMemory(from: base, byteCount: count)
            base.deallocate()
            base = larger
        }
        return base + count
    }

    private mutating func appendByte(_ byte: UInt8) {
        room(1).storeBytes(of: byte, as: UInt8.self)
        count += 1
    }

    /// Fixed text (a separator, a bracket): no `String` is made for it.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(raw: UnsafeRawBufferPointer($0)) }
    }

    mutating func append(raw: UnsafeRawBufferPointer) {
        guard let source = raw.baseAddress, raw.count > 0 else { return }
        room(raw.count).copyMemory(from: source, byteCount: raw.count)
        count += raw.count
    }

    /// A name, URL or other stored text, escaped exactly as `ClipFileName.escaped` shows it;
    /// plain printable ASCII (nearly every name) is copied as it is.
    mutating func append(escaped raw: UnsafeRawBufferPointer) {
        if raw.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) {
            append(raw: raw)
        } else {
            var shown = ClipFileName(bytes: Array(raw)).escaped
            shown.withUTF8 { append(raw: UnsafeRawBufferPointer($0)) }
        }
    }

    mutating func append(decimal value: Int64) {
        if value < 0 { appendByte(UInt8(ascii: "-")) }
        append(digitsOf: value.magnitude)
    }

    /// The decimal digits of `value`, written from the last one back into their place.
    private mutating func append(digitsOf value: UInt64) {
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20 && value >= scale {
            digits += 1
            scale &*= 10
        }
        let start = room(digits)
        var rest = value
        for index in stride(from: digits - 1, through: 0, by: -1) {
            start.storeBytes(of: UInt8(ascii: "0") + UInt8(rest % 10), toByteOffset: index, as: UInt8.self)
            rest /= 10
        }
        count += digits
    }

    /// Seconds with three decimals, rounded to the nearest millisecond, from microseconds: the
    /// same text `Show.seconds` gives for a duration (`9.000s`).
    mutating func append(secondsFromMicroseconds micros: Int64) {
        if micros < 0 { appendByte(UInt8(ascii: "-")) }
        let magnitude = micros.magnitude
        let millis = (magnitude % 1_000_000 + 500) / 1000
        append(digitsOf: magnitude / 1_000_000 + (millis == 1000 ? 1 : 0))
        let fraction = millis % 1000
        let start = room(5)
        start.storeBytes(of: UInt8(ascii: "."), toByteOffset: 0, as: UInt8.self)
        start.storeBytes(of: UInt8(ascii: "0") + UInt8(fraction / 100), toByteOffset: 1, as: UInt8.self)
        start.storeBytes(of: UInt8(ascii: "0") + UInt8(fraction / 10 % 10), toByteOffset: 2, as: UInt8.self)
        start.storeBytes(of: UInt8(ascii: "0") + UInt8(fraction % 10), toByteOffset: 3, as: UInt8.self)
        start.storeBytes(of: UInt8(ascii: "s"), toByteOffset: 4, as: UInt8.self)
        count += 5
    }

    /// What a holding buffer has gathered, leaving it empty.
    mutating func takeBytes() -> [UInt8] {
        defer { count = 0 }
        return Array(gathered)
    }

    /// Writes out what has gathered once a block is full (never, for a holding buffer).
    mutating func flushIfFull() throws(OutputFailure) {
        if !holds && count >= Self.blockSize { try flush() }
    }

    /// Writes out everything gathered so far.
    mutating func flush() throws(OutputFailure) {
        defer { count = 0 }
        try Self.write(gathered)
    }

    /// Writes `bytes` to stdout whole, looping over short writes.
    static func write(_ bytes: [UInt8]) throws(OutputFailure) {
        let failure: OutputFailure? = bytes.withUnsafeBytes { buffer in
            do throws(OutputFailure) { try write(buffer) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    private static func write(_ buffer: UnsafeRawBufferPointer) throws(OutputFailure) {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = Glibc.write(STDOUT_FILENO, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFailure(code: errno)
            }
            offset += written
        }
    }
}

/// Writing to stdout failed (a full disk, a closed pipe when SIGPIPE is ignored).
struct OutputFailure: Error, CustomStringConvertible {
    var code: Int32
    var description: String { "could not write to standard output: " + String(cString: strerror(code)).lowercased() }
}
