/// A clip's whole history: the clip, every collection record in order, every custody event.
public struct ClipProvenance: Sendable, Hashable, Codable {
    public var clip: Clip
    public var collections: [ClipCollection]
    public var events: [CustodyEvent]

    public init(clip: Clip, collections: [ClipCollection], events: [CustodyEvent]) {
        self.clip = clip
        self.collections = collections
        self.events = events
    }
}
