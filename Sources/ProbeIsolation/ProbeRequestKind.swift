/// What a worker is asked to read from a file.
public enum ProbeRequestKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Format, streams and timeline (`Prober.probe`).
    case probe
    /// Every packet, demuxed without decoding (`Prober.packets`).
    case packets
    /// Every frame, decoded (`Prober.frames`).
    case frames
}
