import Foundation

/// The rules a payload path given to the writer must follow: relative to `data/`, made of plain
/// segments, nothing a file system or a later reader could take for a way out of the bag.
enum PayloadPathRules {
    /// The path's segments, or the reason it is refused.
    static func segments(of path: String) throws(ExportError) -> [String] {
        func refuse(_ reason: String) -> ExportError { .unsafePayloadPath(path: path, reason: reason) }
        if path.isEmpty { throw refuse("it is empty") }
        if path.hasPrefix("/") { throw refuse("it is absolute") }
        if path.hasPrefix("~") { throw refuse("it starts with '~'") }
        if path.utf8.contains(0) { throw refuse("it contains a NUL character") }
        if path.contains("\\") { throw refuse("it contains a backslash") }
        for scalar in path.unicodeScalars {
            let isLineBreak = scalar == "\r" || scalar == "\n"
            if (scalar.value < 0x20 || scalar.value == 0x7F) && !isLineBreak {
                throw refuse("it contains a control character")
            }
            if ManifestPathInspector.isDeceptive(scalar) {
                throw refuse("it contains an invisible or direction-changing character")
            }
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for segment in segments {
            switch segment {
            case "": throw refuse("it has an empty segment")
            case ".", "..": throw refuse("it has a '\(segment)' segment")
            case "~": throw refuse("it has a '~' segment")
            default:
                if segment.utf8.count > ManifestPathInspector.maximumSegmentBytes {
                    throw refuse("a segment is longer than \(ManifestPathInspector.maximumSegmentBytes) bytes")
                }
            }
        }
        if let first = segments.first?.unicodeScalars, first.count == 2,
           let letter = first.first, letter.isASCII, letter.properties.isAlphabetic, first.last == ":" {
            throw refuse("it starts with a drive letter")
        }
        return segments
    }

    /// Refuses two paths that would be one file, or one path that is both a file and a folder,
    /// on a case-insensitive or normalising file system as much as on this one.
    static func checkClashes(_ paths: [String]) throws(ExportError) {
        func key(_ path: String) -> String {
            path.precomposedStringWithCanonicalMapping.lowercased().precomposedStringWithCanonicalMapping
        }
        var files: [String: String] = [:]
        var folders: [String: String] = [:]
        for path in paths {
            let fileKey = key(path)
            if let other = files[fileKey] ?? folders[fileKey] { throw .payloadPathClash(path: path, other: other) }
            files[fileKey] = path
            var prefix = ""
            for segment in path.split(separator: "/").dropLast() {
                prefix += prefix.isEmpty ? String(segment) : "/" + segment
                let folderKey = key(prefix)
                if let other = files[folderKey] { throw .payloadPathClash(path: path, other: other) }
                folders[folderKey] = folders[folderKey] ?? path
            }
        }
    }
}
