#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every failure of the export layer: what failed, on which path, and why.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed; `function` names the C function, `code` is its errno.
    case system(function: String, path: String, code: Int32)
    /// The bag folder exists and already holds something.
    case destinationNotEmpty(path: String)
    /// The bag folder (or a folder inside it) is a symbolic link or not a folder.
    case notAFolder(path: String)
    /// A payload path that could escape the bag or that a file system could not hold faithfully.
    case unsafePayloadPath(path: String, reason: String)
    /// Two payload entries would land on the same file (exactly, or on a case-insensitive or
    /// normalising file system).
    case payloadPathClash(path: String, other: String)
    /// A `bag-info.txt` label or value that would corrupt the tag file.
    case invalidTag(label: String, reason: String)
    /// A write returned without writing anything.
    case shortWrite(path: String)
    /// A value cannot be written in the requested format.
    case unrepresentable(what: String, reason: String)
    /// Making the zip of a bag failed.
    case archiveFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .system(let function, let path, let code):
            "\(function) failed for \(path): \(Self.explain(code))"
        case .destinationNotEmpty(let path):
            "bag folder \(path) is not empty: a bag is only written into a new or empty folder"
        case .notAFolder(let path):
            "\(path) is a symbolic link or not a folder: refusing to write through it"
        case .unsafePayloadPath(let path, let reason):
            "payload path \(Self.visible(path)) is refused: \(reason)"
        case .payloadPathClash(let path, let other):
            "payload paths \(Self.visible(path)) and \(Self.visible(other)) would name the same file"
        case .invalidTag(let label, let reason):
            "bag-info label \(Self.visible(label)) is refused: \(reason)"
        case .shortWrite(let path):
            "write to \(path) made no progress"
        case .unrepresentable(let what, let reason):
            "cannot write \(what): \(reason)"
        case .archiveFailed(let path, let reason):
            "zip \(path) could not be written: \(reason)"
        }
    }

    /// `strerror` text, lowercased to match the rest of the message.
    static func explain(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text).lowercased()
    }

    /// Shows control characters as escapes so that a hostile name cannot break a message.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return "\"\(out)\""
    }
}
