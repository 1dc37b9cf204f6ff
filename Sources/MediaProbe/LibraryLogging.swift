internal import CFFmpeg

/// How much libav writes to stderr on its own. Probe results carry their errors and warnings as
/// values, so an executable serving many files usually wants libav quiet; the setting is
/// process-wide, so only the executable should choose it.
public enum LibraryLogging {
    public enum Level: Sendable {
        /// Nothing at all.
        case quiet
        /// Only errors libav considers fatal for the file.
        case errors
        /// libav's default: warnings and errors.
        case warnings
    }

    public static func set(_ level: Level) {
        switch level {
        case .quiet: av_log_set_level(AV_LOG_QUIET)
        case .errors: av_log_set_level(AV_LOG_ERROR)
        case .warnings: av_log_set_level(AV_LOG_WARNING)
        }
    }
}
