import FootageModel

/// A packet listing as JSON, written byte by byte: the members `JSONEncoder` writes for
/// `PacketListingEntry` (optional ones left out when absent), without building a dictionary for
/// every packet. A long file lists tens of thousands of packets, and generic encoding was most
/// of the cost of listing them.
enum PacketListingJSON {
    static func encode(_ entries: [PacketListingEntry]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 200 + 2)
        out.append(UInt8(ascii: "["))
        for (offset, entry) in entries.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            // Each member after the first is preceded by a comma; `stream_index` always comes
            // second or first, so the first member decides.
            if let codecType = entry.codecType { string("codec_type", codecType, first: true, into: &out) }
            number("stream_index", Int64(entry.streamIndex), first: entry.codecType == nil, into: &out)
            if let pts = entry.pts { number("pts", pts, into: &out) }
            if let ptsTime = entry.ptsTime { string("pts_time", ptsTime, into: &out) }
            if let dts = entry.dts { number("dts", dts, into: &out) }
            if let dtsTime = entry.dtsTime { string("dts_time", dtsTime, into: &out) }
            if let duration = entry.duration { number("duration", duration, into: &out) }
            if let durationTime = entry.durationTime { string("duration_time", durationTime, into: &out) }
            string("size", entry.size, into: &out)
            if let pos = entry.pos { string("pos", pos, into: &out) }
            string("flags", entry.flags, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    private static func number(_ key: String, _ value: Int64, first: Bool = false, into out: inout [UInt8]) {
        name(key, first: first, into: &out)
        out.append(contentsOf: String(value).utf8)
    }

    private static func string(_ key: String, _ value: String, first: Bool = false, into out: inout [UInt8]) {
        name(key, first: first, into: &out)
        quote(value, into: &out)
    }

    private static func name(_ key: String, first: Bool, into out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        quote(key, into: &out)
        out.append(UInt8(ascii: ":"))
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as
    /// its UTF-8 bytes.
    static func quote(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
