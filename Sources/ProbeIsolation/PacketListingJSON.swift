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
            var members = Members(out: out)
            if let codecType = entry.codecType { members.string("codec_type", codecType) }
            members.number("stream_index", Int64(entry.streamIndex))
            if let pts = entry.pts { members.number("pts", pts) }
            if let ptsTime = entry.ptsTime { members.string("pts_time", ptsTime) }
            if let dts = entry.dts { members.number("dts", dts) }
            if let dtsTime = entry.dtsTime { members.string("dts_time", dtsTime) }
            if let duration = entry.duration { members.number("duration", duration) }
            if let durationTime = entry.durationTime { members.string("duration_time", durationTime) }
            members.string("size", entry.size)
            if let pos = entry.pos { members.string("pos", pos) }
            members.string("flags", entry.flags)
            out = members.closed()
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// One object's members, comma-separated, in a buffer that is moved in and out.
    private struct Members {
        var out: [UInt8]
        var count = 0

        init(out: [UInt8]) {
            self.out = out
            self.out.append(UInt8(ascii: "{"))
        }

        mutating func number(_ key: String, _ value: Int64) {
            name(key)
            out.append(contentsOf: String(value).utf8)
        }

        mutating func string(_ key: String, _ value: String) {
            name(key)
            PacketListingJSON.quote(value, into: &out)
        }

        mutating func closed() -> [UInt8] {
            out.append(UInt8(ascii: "}"))
            return out
        }

        private mutating func name(_ key: String) {
            if count > 0 { out.append(UInt8(ascii: ",")) }
            count += 1
            PacketListingJSON.quote(key, into: &out)
            out.append(UInt8(ascii: ":"))
        }
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
