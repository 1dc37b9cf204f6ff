import FootageModel

extension ProbeError {
    /// An error from a failed libav call, with the message in the house form.
    init(reason: Reason, path: String, failure: FFmpegError, detail: String? = nil) {
        let cause = Cause(function: failure.function, code: failure.code, message: failure.message)
        let suffix = detail.map { " (\($0))" } ?? ""
        self.init(reason: reason, path: path, cause: cause,
                  message: "\(failure.function) failed for \(path): \(failure.message)\(suffix)")
    }
}
