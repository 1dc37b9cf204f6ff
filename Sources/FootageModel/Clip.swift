/// A registered clip: one set of bytes, named by its SHA-256, with where those bytes are kept,
/// how they came in, and what the latest probe found in them.
public struct Clip: Sendable, Hashable, Codable {
    /// The catalogue's own row number; stable, but only meaningful inside one catalogue.
    public var id: Int64
    public var digest: SHA256Digest
    public var size: Int64
    /// Whether the evidentiary copy is in the vault (`objects/ab/cdef…`).
    public var inVault: Bool
    /// For a clip registered with `--in-place`: the absolute path it was registered at.
    public var inPlacePath: ClipFileName?
    /// ISO 8601 UTC time of the first registration.
    public var registeredAt: String
    /// The first collection record; later ones are in the custody log and `collections`.
    public var collection: ClipCollection
    /// The latest probe, if the clip has been probed.
    public var probe: ClipProbe?

    public init(id: Int64, digest: SHA256Digest, size: Int64, inVault: Bool, inPlacePath: ClipFileName?,
                registeredAt: String, collection: ClipCollection, probe: ClipProbe?) {
        self.id = id
        self.digest = digest
        self.size = size
        self.inVault = inVault
        self.inPlacePath = inPlacePath
        self.registeredAt = registeredAt
        self.collection = collection
        self.probe = probe
    }
}
