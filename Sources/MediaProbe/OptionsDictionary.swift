internal import CFFmpeg

/// Owns an `AVDictionary` of options handed to libav; frees what libav leaves in it.
///
/// The pointer is optional because libav's empty dictionary is NULL and `av_dict_set` allocates.
final class OptionsDictionary {
    var pointer: OpaquePointer?

    init() {}

    init(_ entries: [(String, String)]) {
        for (key, value) in entries { set(key, value) }
    }

    func set(_ key: String, _ value: String) {
        av_dict_set(&pointer, key, value, 0)
    }

    deinit { av_dict_free(&pointer) }
}
