import ArgumentParser
import MediaProbe

/// How a probe failure maps to an exit status, in one exhaustive switch.
extension ProbeError {
    var exitCode: ExitCode {
        switch reason {
        case .missingFile, .notReadable:
            ExitStatus.noInput
        case .notAFile, .emptyFile, .unsupportedFormat, .refusedFormat, .corrupt, .truncated, .limitExceeded:
            ExitStatus.badData
        case .workerCrashed, .timedOut, .internal:
            ExitStatus.internalError
        }
    }
}

enum ProbeFailureStatus {
    /// Orders exit statuses so that several failures report the most severe:
    /// internal (70) over I/O (74) over missing input (66) over bad data (65).
    static func severity(_ code: ExitCode) -> Int {
        switch code.rawValue {
        case ExitStatus.internalError.rawValue: 4
        case ExitStatus.ioError.rawValue: 3
        case ExitStatus.noInput.rawValue: 2
        case ExitStatus.badData.rawValue: 1
        default: 0
        }
    }
}
