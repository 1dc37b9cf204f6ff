/// A keyframe list as JSON, written byte by byte and read back strictly.
///
/// The index worker writes it and `footage probe --keyframes` reads it: a long file has tens of
/// thousands of keyframes, and both ends must stay far cheaper than starting a program, so
/// neither goes through a generic encoder. The reader accepts exactly what `encode` writes, and
/// nothing else, so that the output of a worker that misbehaved is refused rather than passed on.
public enum KeyframeListJSON {
    /// `[{"stream_index":0,"pts":12800,"pts_time":"1.000000","time_base":"1/12800"},…]`
    public static func encode(_ entries: [KeyframeEntry]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 80 + 2)
        out.append(UInt8(ascii: "["))
        for (offset, entry) in entries.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(#"{"stream_index":"#.utf8)
            out += Array(String(entry.streamIndex).utf8)
            out += Array(#","pts":"#.utf8)
            out += Array(String(entry.pts).utf8)
            out += Array(#","pts_time":""#.utf8)
            out += Array(entry.ptsTime.utf8)
            out += Array(#"","time_base":""#.utf8)
            out += Array(String(entry.timeBase.numerator).utf8)
            out.append(UInt8(ascii: "/"))
            out += Array(String(entry.timeBase.denominator).utf8)
            out += Array(#""}"#.utf8)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// The entries of a list `encode` wrote, or `nil` when `bytes` are anything else (including
    /// a `pts_time` that does not follow from `pts` and `time_base`).
    public static func decode(_ bytes: [UInt8]) -> [KeyframeEntry]? {
        var reader = StrictReader(bytes: bytes)
        guard reader.take("[") else { return nil }
        var entries: [KeyframeEntry] = []
        if reader.take("]") { return reader.atEnd ? entries : nil }
        repeat {
            guard reader.take(#"{"stream_index":"#), let stream = reader.integer(), stream >= 0, stream <= Int64(Int32.max),
                  reader.take(#","pts":"#), let pts = reader.integer(),
                  reader.take(#","pts_time":""#), let ptsTime = reader.text(),
                  reader.take(#"","time_base":""#), let numerator = reader.integer(), reader.take("/"),
                  let denominator = reader.integer(), numerator > 0, denominator > 0, reader.take(#""}"#)
            else { return nil }
            let entry = KeyframeEntry(streamIndex: Int(stream), pts: pts, timeBase: Rational(numerator, denominator))
            guard entry.ptsTime == ptsTime else { return nil }
            entries.append(entry)
        } while reader.take(",")
        return reader.take("]") && reader.atEnd ? entries : nil
    }

    /// Reads bytes left to right; every step either consumes what it expects or nothing.
    private struct StrictReader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ literal: String) -> Bool {
            let expected = Array(literal.utf8)
            guard bytes.count - position >= expected.count,
                  bytes[position..<(position + expected.count)].elementsEqual(expected) else { return false }
            position += expected.count
            return true
        }

        /// An optional minus sign and up to 19 digits, within `Int64`.
        mutating func integer() -> Int64? {
            let start = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            let digitsStart = position
            while position < bytes.count, position - digitsStart < 19, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            guard position > digitsStart, let value = Int64(String(decoding: bytes[start..<position], as: UTF8.self)) else {
                position = start
                return nil
            }
            return value
        }

        /// The characters of `%f` output (digits, sign, point, `inf`/`nan` letters) up to a quote.
        mutating func text() -> String? {
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "\""), position - start < 64 {
                let byte = bytes[position]
                guard byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) else { return nil }
                position += 1
            }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                position = start
                return nil
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
    }
}
