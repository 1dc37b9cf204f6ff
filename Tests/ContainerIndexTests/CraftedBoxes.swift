import Foundation

/// Hand-built ISO BMFF boxes for tests of hostile and damaged structure.
enum CraftedBoxes {
    static func uint32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
    static func uint64(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }

    /// A box with a 32-bit size that tells the truth.
    static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        uint32(UInt32(8 + payload.count)) + Array(type.utf8) + payload
    }

    /// A full box: version and flags, then the payload.
    static func fullBox(_ type: String, version: UInt8 = 0, _ payload: [UInt8]) -> [UInt8] {
        box(type, [version, 0, 0, 0] + payload)
    }

    static let fileType = box("ftyp", Array("isom".utf8) + uint32(512) + Array("isomiso2mp41".utf8))

    /// A `moov` with one video `trak` whose sample table is `stbl` children given.
    static func movie(sampleTable: [UInt8], editList: [UInt8] = [], handler: String = "vide") -> [UInt8] {
        let mdhd = fullBox("mdhd", uint32(0) + uint32(0) + uint32(1000) + uint32(1000) + [0x55, 0xC4, 0, 0])
        let hdlr = fullBox("hdlr", uint32(0) + Array(handler.utf8) + [UInt8](repeating: 0, count: 13))
        let minf = box("minf", box("stbl", sampleTable))
        let tkhd = fullBox("tkhd", uint32(0) + uint32(0) + uint32(1) + [UInt8](repeating: 0, count: 68))
        let edts = editList.isEmpty ? [] : box("edts", editList)
        let trak = box("trak", tkhd + edts + box("mdia", mdhd + hdlr + minf))
        let mvhd = fullBox("mvhd", uint32(0) + uint32(0) + uint32(1000) + uint32(1000) + [UInt8](repeating: 0, count: 80))
        return box("moov", mvhd + trak)
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("crafted-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    /// An `stsd` with one version 0 sound description of `format` (`sowt`, `twos`, ...).
    static func soundDescription(_ format: String, channels: UInt16, bits: UInt16) -> [UInt8] {
        let entry = [UInt8](repeating: 0, count: 6) + [0, 1] + [0, 0, 0, 0] + [0, 0, 0, 0]
            + withUnsafeBytes(of: channels.bigEndian, Array.init) + withUnsafeBytes(of: bits.bigEndian, Array.init)
            + [0, 0, 0, 0] + uint32(48000 << 16)
        return fullBox("stsd", uint32(1) + uint32(UInt32(8 + entry.count)) + Array(format.utf8) + entry)
    }
}
