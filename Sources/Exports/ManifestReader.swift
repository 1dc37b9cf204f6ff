import Foundation

/// One well-formed, safe line of a manifest.
struct ManifestEntry: Equatable {
    var line: Int
    /// Lowercase hex.
    var checksum: String
    /// The decoded path, relative to the bag folder.
    var path: String
}

/// A manifest file read line by line: the entries that are safe to act on, and a finding for
/// every line that is not.
struct ParsedManifest {
    var fileName: String
    var algorithm: ChecksumAlgorithm
    var entries: [ManifestEntry] = []
    var findings: [BagFinding] = []
}

enum ManifestReader {
    /// Parses `<checksum><spaces or tabs><path>` lines. Lines end in LF or CRLF; a CR anywhere
    /// else is part of the path and must have been percent-encoded.
    static func parse(_ bytes: [UInt8], fileName: String, algorithm: ChecksumAlgorithm, payload: Bool) -> ParsedManifest {
        var result = ParsedManifest(fileName: fileName, algorithm: algorithm)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (offset, var line) in lines.enumerated() {
            let number = offset + 1
            if line.last == 0x0D { line.removeLast() }
            func finding(_ problem: BagProblem, _ detail: String) {
                result.findings.append(BagFinding(file: fileName, line: number, problem: problem, detail: detail))
            }
            let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let gap = line.firstIndex(where: isBlank),
                  let pathStart = line[gap...].firstIndex(where: { !isBlank($0) }) else {
                finding(.malformedManifestLine, line.isEmpty ? "blank line" : "no path after the checksum")
                continue
            }
            let checksum = String(decoding: line[line.startIndex..<gap], as: UTF8.self).lowercased()
            let rawPath = Array(line[pathStart...])
            let shownPath = ExportError.visible(String(decoding: rawPath, as: UTF8.self))
            if checksum.count != algorithm.hexLength || !checksum.allSatisfy(\.isHexDigit) {
                finding(.malformedChecksum, "\(checksum.prefix(16))… for \(shownPath)")
                continue
            }
            let verdict = ManifestPathInspector.inspect(rawPath, payload: payload)
            guard let path = verdict.path else {
                for problem in verdict.problems { finding(problem, shownPath) }
                continue
            }
            result.entries.append(ManifestEntry(line: number, checksum: checksum, path: path))
        }
        result.findings += twinFindings(result.entries, fileName: fileName)
        return result
    }

    /// Paths that name the same file exactly, or on a case-insensitive or normalising file
    /// system. Swift's `==` on strings ignores normalisation, so keys are compared as bytes.
    static func twinFindings(_ entries: [ManifestEntry], fileName: String) -> [BagFinding] {
        var findings: [BagFinding] = []
        var exact: [[UInt8]: ManifestEntry] = [:]
        var normalized: [[UInt8]: ManifestEntry] = [:]
        var folded: [[UInt8]: ManifestEntry] = [:]
        for entry in entries {
            let bytes = Array(entry.path.utf8)
            let nfc = entry.path.precomposedStringWithCanonicalMapping
            let nfcBytes = Array(nfc.utf8)
            let foldedBytes = Array(nfc.lowercased().precomposedStringWithCanonicalMapping.utf8)
            let shown = ExportError.visible(entry.path)
            if let first = exact[bytes] {
                findings.append(BagFinding(file: fileName, line: entry.line, problem: .duplicatePath,
                                           detail: "\(shown), first on line \(first.line)"))
            } else if let first = normalized[nfcBytes] {
                findings.append(BagFinding(file: fileName, line: entry.line, problem: .normalizationTwin,
                                           detail: "\(shown) and line \(first.line)"))
            } else if let first = folded[foldedBytes] {
                findings.append(BagFinding(file: fileName, line: entry.line, problem: .caseTwin,
                                           detail: "\(shown) and line \(first.line)"))
            }
            exact[bytes] = exact[bytes] ?? entry
            normalized[nfcBytes] = normalized[nfcBytes] ?? entry
            folded[foldedBytes] = folded[foldedBytes] ?? entry
        }
        return findings
    }
}
