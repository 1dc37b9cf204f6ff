internal import CFFmpeg

/// Owns one options dictionary per stream, as `avformat_find_stream_info` takes them.
final class StreamOptionsArray {
    let base: UnsafeMutablePointer<OpaquePointer?>?
    private let count: Int

    init(count: Int, entries: [(String, String)]) {
        self.count = count
        guard count > 0 else { base = nil; return }
        let array = UnsafeMutablePointer<OpaquePointer?>.allocate(capacity: count)
        array.initialize(repeating: nil, count: count)
        for index in 0..<count {
            for (key, value) in entries { av_dict_set(&array[index], key, value, 0) }
        }
        base = array
    }

    deinit {
        guard let base else { return }
        for index in 0..<count { av_dict_free(&base[index]) }
        base.deinitialize(count: count)
        base.deallocate()
    }
}
