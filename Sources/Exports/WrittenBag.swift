/// What a finished bag holds: every payload file with its size and checksums.
public struct WrittenBag: Sendable, Hashable, Codable {
    public struct PayloadFile: Sendable, Hashable, Codable {
        /// Path relative to the bag folder (`data/...`).
        public var path: String
        public var size: Int64
        public var sha256: String
        public var sha512: String
    }

    public var directory: String
    public var payload: [PayloadFile]
    /// `octets.count`, as in bag-info.txt.
    public var payloadOxum: String
}
