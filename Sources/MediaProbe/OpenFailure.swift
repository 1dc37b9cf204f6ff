internal import CFFmpeg
import FootageModel

/// Turns a failed `avformat_open_input` into the probe error a user can act on.
enum OpenFailure {
    /// AVERROR_INVALIDDATA, FFERRTAG('I','N','D','A'): a function-like macro Swift cannot import.
    static let invalidData: Int32 = -Int32(bitPattern: UInt32(0x41) << 24 | UInt32(0x44) << 16 | UInt32(0x4E) << 8 | UInt32(0x49))

    static func classify(_ error: FFmpegError, path: String) -> ProbeError {
        if error.code == invalidData {
            if PathCheck.looksLikeISOBMFF(path) {
                return ProbeError(reason: .truncated, path: path, failure: error,
                                  detail: "an MP4/MOV file without a usable moov index: most likely cut short")
            }
            return ProbeError(reason: .unsupportedFormat, path: path, failure: error)
        }
        if error.isPOSIX(EINVAL) {
            // libavformat answers EINVAL when the detected container is not on format_whitelist.
            return ProbeError(reason: .refusedFormat, path: path, failure: error,
                              detail: "the container is not on the whitelist of real media containers")
        }
        if error.isPOSIX(ENOENT) { return ProbeError(reason: .missingFile, path: path, failure: error) }
        if error.isPOSIX(EACCES) || error.isPOSIX(EPERM) { return ProbeError(reason: .notReadable, path: path, failure: error) }
        if error.isPOSIX(ENOMEM) {
            return ProbeError(reason: .limitExceeded, path: path, failure: error,
                              detail: "a stream, size or allocation limit was reached")
        }
        if error.isEndOfFile { return ProbeError(reason: .truncated, path: path, failure: error) }
        return ProbeError(reason: .corrupt, path: path, failure: error)
    }
}
