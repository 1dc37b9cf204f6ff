public import FootageModel
package import Foundation

/// One request line to a worker: `{"id":1,"kind":"probe","path":"a.mp4","forceScan":false}`.
package struct WorkerRequest: Sendable, Codable {
    package var id: Int
    package var kind: ProbeRequestKind
    package var path: String
    package var forceScan: Bool

    package init(id: Int, kind: ProbeRequestKind, path: String, forceScan: Bool) {
        self.id = id
        self.kind = kind
        self.path = path
        self.forceScan = forceScan
    }
}

/// What a worker found for one request.
public enum ProbeOutput: Sendable, Hashable {
    case record(ProbeRecord)
    case packets([PacketListingEntry])
    case frames([FrameListingEntry])
}

/// A result as the worker sent it: which kind, and its JSON exactly as written, checked to be
/// well-formed. The command line prints it as it is; `decoded()` turns it into values.
public struct RawProbeOutput: Sendable, Hashable {
    public var kind: ProbeRequestKind
    /// One JSON value: a probe record, or an array of packets or frames.
    public var json: [UInt8]

    /// The typed value, decoded with `JSONDecoder`.
    public func decoded() throws -> ProbeOutput {
        let decoder = JSONDecoder()
        let data = Data(json)
        switch kind {
        case .probe: return .record(try decoder.decode(ProbeRecord.self, from: data))
        case .packets: return .packets(try decoder.decode([PacketListingEntry].self, from: data))
        case .frames: return .frames(try decoder.decode([FrameListingEntry].self, from: data))
        }
    }
}

/// One reply line from a worker, in a fixed layout so that the parent can pass the payload on
/// without decoding it:
///
///     {"id":7,"record":{…}}        {"id":7,"packets":[…]}        {"id":7,"frames":[…]}
///     {"id":7,"error":{…}}         {"id":null,"error":{…}}       (a request line it could not read)
///
/// `"retiring":true` may follow the id: the worker exits after this reply (its CPU budget is
/// nearly spent), so the parent must not mistake the exit for a crash.
package struct WorkerReply {
    var id: Int?
    var retiring: Bool
    var key: String
    var payload: Range<Int>

    static let keys: [ProbeRequestKind: String] = [.probe: "record", .packets: "packets", .frames: "frames"]

    /// The reply line for `payload` (already JSON) under `key`, newline included.
    package static func line(id: Int?, retiring: Bool, key: String, payload: Data) -> Data {
        var line = Data("{\"id\":\(id.map(String.init) ?? "null"),".utf8)
        if retiring { line.append(contentsOf: Array("\"retiring\":true,".utf8)) }
        line.append(contentsOf: Array("\"\(key)\":".utf8))
        line.append(payload)
        line.append(contentsOf: Array("}\n".utf8))
        return line
    }

    /// Reads the layout above; `nil` for anything else, including a payload that is not
    /// well-formed JSON.
    static func parse(_ bytes: [UInt8]) -> WorkerReply? {
        var index = 0
        func take(_ text: String) -> Bool {
            let expected = Array(text.utf8)
            guard index + expected.count <= bytes.count,
                  bytes[index..<index + expected.count].elementsEqual(expected) else { return false }
            index += expected.count
            return true
        }
        guard take("{\"id\":") else { return nil }
        var id: Int?
        if !take("null") {
            var value = 0
            let start = index
            while index < bytes.count, index - start < 18, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index > start else { return nil }
            id = value
        }
        let retiring = take(",\"retiring\":true")
        guard take(",\"") else { return nil }
        let keyStart = index
        while index < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) { index += 1 }
        let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
        guard key == "error" || keys.values.contains(key), take("\":") else { return nil }
        guard bytes.count > index, bytes.last == UInt8(ascii: "}") else { return nil }
        let payload = index..<(bytes.count - 1)
        guard JSONSyntax.isValid(bytes, in: payload) else { return nil }
        return WorkerReply(id: id, retiring: retiring, key: key, payload: payload)
    }
}

/// How a worker is started: passed as one JSON argument, so that the pool's settings reach the
/// worker without a second channel.
public struct WorkerConfiguration: Sendable, Codable {
    public var resourceLimits: WorkerResourceLimits
    public var probeLimits: ProbeLimits

    public init(resourceLimits: WorkerResourceLimits = .init(), probeLimits: ProbeLimits = .default) {
        self.resourceLimits = resourceLimits
        self.probeLimits = probeLimits
    }

    /// Either part may be left out, meaning the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        resourceLimits = try container.decodeIfPresent(WorkerResourceLimits.self, forKey: .resourceLimits) ?? .init()
        probeLimits = try container.decodeIfPresent(ProbeLimits.self, forKey: .probeLimits) ?? .default
    }
}
