package import ArgumentParser

/// The documented exit codes (sysexits.h values), one place for the whole tool.
package enum ExitStatus {
    /// A check or verify found a mismatch.
    package static let mismatch = ExitCode(1)
    /// Wrong arguments (swift-argument-parser's `ValidationError` exits with this too).
    package static let usage = ExitCode(64)
    /// Input that exists but cannot be used: not media, corrupt, truncated, refused container.
    package static let badData = ExitCode(65)
    /// Input that is missing or cannot be opened.
    package static let noInput = ExitCode(66)
    /// A bug or an unexpected failure inside Footage, including a crashed probe worker.
    package static let internalError = ExitCode(70)
    /// Reading or writing failed at the operating-system level (disk full, permissions on output).
    package static let ioError = ExitCode(74)
}
