/// What a probe of a clip found: the key facts and the full probe JSON, or why it failed.
///
/// A clip that cannot be probed is still evidence, so a failure is stored like a result.
public struct ClipProbe: Sendable, Hashable, Codable {
    /// ISO 8601 UTC time of the probe.
    public var probedAt: String
    /// Set when the probe succeeded.
    public var facts: ClipProbeFacts?
    /// The full probe record as JSON text, when the probe succeeded.
    public var recordJSON: String?
    /// Set when the probe failed.
    public var failure: ClipProbeFailure?

    public init(probedAt: String, facts: ClipProbeFacts?, recordJSON: String?, failure: ClipProbeFailure?) {
        self.probedAt = probedAt
        self.facts = facts
        self.recordJSON = recordJSON
        self.failure = failure
    }
}

/// Why a probe failed: the reason's name (as the prober's error names it) and its message.
public struct ClipProbeFailure: Sendable, Hashable, Codable, Error, CustomStringConvertible {
    public var reason: String
    public var message: String

    public init(reason: String, message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
