internal import CFFmpeg

/// The one funnel from a libav status code to a typed error.
enum LibavStatus {
    /// `AVERROR_INVALIDDATA`, which Swift cannot import: the negated tag `'INDA'`.
    static let invalidData: Int32 = -(0x49 | 0x4E << 8 | 0x44 << 16 | 0x41 << 24)

    /// libav's message for an error code, e.g. "Invalid data found when processing input".
    static func message(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: Int(footage_error_buffer_size()))
        let status = buffer.withUnsafeMutableBufferPointer { av_strerror(code, $0.baseAddress, $0.count) }
        if status < 0 { return "error \(code)" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Throws when `code` is negative; returns it otherwise.
    @discardableResult
    static func check(_ code: Int32, _ function: String, path: String,
                      reason: AnalysisError.Reason = .codec) throws(AnalysisError) -> Int32 {
        if code < 0 {
            throw AnalysisError(reason, path: path, detail: "\(function) failed", cause: message(code))
        }
        return code
    }
}

/// What a decoder or encoder says after being fed or drained: EAGAIN and EOF are states of the
/// loop, not errors.
enum CodecStep: Equatable {
    case ready
    case needsInput
    case endOfStream
}
