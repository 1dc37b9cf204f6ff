import ArgumentParser
import Foundation
import FootageModel

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

    /// The error's message without the path, which the caller already prints in front of it
    /// (`a.mp4: no such file` → `no such file`; `open failed for a.mp4: …` → `open failed: …`).
    static func detail(of error: ProbeError) -> String {
        let prefix = "\(error.path): "
        if error.message.hasPrefix(prefix) { return String(error.message.dropFirst(prefix.count)) }
        if let range = error.message.range(of: " for \(error.path)") {
            return error.message.replacingCharacters(in: range, with: "")
        }
        return error.message
    }
}
