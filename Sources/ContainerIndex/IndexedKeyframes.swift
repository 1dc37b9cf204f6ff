public import FootageModel

/// The keyframe list of an MP4/MOV from its own index: every video track's presented keyframes,
/// track by track in stream order, each in presentation order.
public enum IndexedKeyframes {
    /// The track type whose keyframes are listed; the index may be read with only these
    /// tracks expanded (`ContainerIndexReader.read(adopting:path:handlers:)`).
    public static let handlers: Set<String> = ["vide"]

    /// `nil` when the index does not list every video packet the demuxer would return
    /// (fragments, a cut file, a track laid out in a way the index does not follow): then only a
    /// scan can tell. Other tracks do not matter.
    public static func list(_ index: ContainerIndex) -> [KeyframeEntry]? {
        let video = index.tracks.filter { handlers.contains($0.handler) }
        guard !index.isFragmented, index.truncation == nil, !index.tracks.isEmpty,
              video.allSatisfy({ $0.limitation == nil }) else { return nil }
        return video.flatMap { track in
            KeyframeEntry.presented(in: track.packets, streamIndex: track.streamIndex, timeBase: track.timeBase)
        }
    }
}
