public import FootageModel

/// The keyframe list of an MP4/MOV from its own index: every video track's presented keyframes,
/// track by track in stream order, each in presentation order.
public enum IndexedKeyframes {
    /// `nil` when the index does not list every packet the demuxer would return (fragments, a
    /// cut file, a track laid out in a way the index does not follow): then only a scan can tell.
    public static func list(_ index: ContainerIndex) -> [KeyframeEntry]? {
        guard index.isComplete else { return nil }
        return index.tracks.filter { $0.handler == "vide" }.flatMap { track in
            KeyframeEntry.presented(in: track.packets, streamIndex: track.streamIndex, timeBase: track.timeBase)
        }
    }
}
