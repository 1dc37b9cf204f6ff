public import FootageModel
public import MediaProbe

/// One request line to a worker: `{"id":1,"kind":"probe","path":"a.mp4","forceScan":false}`.
struct WorkerRequest: Sendable, Codable {
    var id: Int
    var kind: ProbeRequestKind
    var path: String
    var forceScan: Bool
}

/// What a worker found for one request.
public enum ProbeOutput: Sendable, Hashable {
    case record(ProbeRecord)
    case packets([PacketListingEntry])
    case frames([FrameListingEntry])
}

/// One reply line from a worker: the request's id and exactly one of `record`, `packets`, `frames`
/// or `error`. `retiring` tells the parent the worker exits after this reply (its CPU budget is
/// nearly spent), so that the exit is not mistaken for a crash.
struct WorkerResponse: Sendable, Codable {
    var id: Int?
    var record: ProbeRecord?
    var packets: [PacketListingEntry]?
    var frames: [FrameListingEntry]?
    var error: ProbeError?
    var retiring: Bool?

    init(id: Int?, result: Result<ProbeOutput, ProbeError>, retiring: Bool) {
        self.id = id
        self.retiring = retiring ? true : nil
        switch result {
        case .success(.record(let record)): self.record = record
        case .success(.packets(let packets)): self.packets = packets
        case .success(.frames(let frames)): self.frames = frames
        case .failure(let error): self.error = error
        }
    }

    /// The one result the reply carries, or `nil` when it carries none or several.
    var result: Result<ProbeOutput, ProbeError>? {
        let present = [record != nil, packets != nil, frames != nil, error != nil].filter { $0 }.count
        guard present == 1 else { return nil }
        if let record { return .success(.record(record)) }
        if let packets { return .success(.packets(packets)) }
        if let frames { return .success(.frames(frames)) }
        return error.map { .failure($0) }
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
