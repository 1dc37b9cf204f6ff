internal import CFFmpeg

/// A failed libav call: the function and its negative status, with libav's text for it.
struct FFmpegError: Error, Sendable, Hashable {
    let function: String
    let code: Int32

    var message: String { FFmpegError.text(for: code) }

    /// The funnel every libav status goes through: negative is a failure of `function`.
    @discardableResult
    static func check(_ status: Int32, _ function: String) throws(FFmpegError) -> Int32 {
        if status < 0 { throw FFmpegError(function: function, code: status) }
        return status
    }

    /// `av_strerror`'s text for a status.
    static func text(for code: Int32) -> String {
        let size = Int(footage_error_buffer_size())
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) { buffer in
            guard let base = buffer.baseAddress else { return "error \(code)" }
            base.initialize(repeating: 0, count: size)
            av_strerror(code, base, size)
            return String(cString: base)
        }
    }

    var isEndOfFile: Bool { code == footage_averror_eof() }
    var isAgain: Bool { code == footage_averror_eagain() }
    func isPOSIX(_ number: Int32) -> Bool { code == footage_averror(number) }
}
