/// Decides whether a path read from a manifest line is safe to open inside a bag, and decodes it.
///
/// It looks at the raw text, then at what every percent escape decodes to (a lenient reader may
/// decode more than the RFC's three), so that a path cannot smuggle a separator, a dot segment or
/// a NUL past the check.
enum ManifestPathInspector {
    /// The longest segment most file systems hold, and a generous bound for a whole path.
    static let maximumSegmentBytes = 255
    static let maximumPathBytes = 4096

    struct Verdict: Equatable {
        var problems: [BagProblem]
        /// The decoded path, when there is no problem.
        var path: String?
    }

    static func inspect(_ raw: [UInt8], payload: Bool) -> Verdict {
        var problems: [BagProblem] = []
        func note(_ problem: BagProblem) {
            if !problems.contains(problem) { problems.append(problem) }
        }
        if raw.isEmpty { return Verdict(problems: [.emptyPath], path: nil) }
        checkCharacters(raw, encoded: false, note: note)

        let decodedBytes: [UInt8]
        switch ManifestPathCoding.decode(raw) {
        case .malformed:
            note(.malformedPercentEscape)
            decodedBytes = raw
        case .decoded(let bytes, let escapes):
            decodedBytes = bytes
            for escape in escapes {
                switch escape.byte {
                case UInt8(ascii: "/"), UInt8(ascii: "\\"): note(.encodedSeparator)
                case 0: note(.encodedNul)
                case 0x0D, 0x0A, UInt8(ascii: "%"): break
                default: note(.unexpectedPercentEscape)
                }
            }
            let withoutRequired = escapes.filter { ![0x0D, 0x0A, UInt8(ascii: "%")].contains($0.byte) }
            if !withoutRequired.isEmpty {
                checkCharacters(bytes, encoded: true, note: note)
                if hidesDotSegment(bytes, escapes: escapes) { note(.encodedDotSegment) }
            }
        }

        guard let text = String(validating: decodedBytes, as: UTF8.self) else {
            note(.invalidUTF8)
            return Verdict(problems: problems, path: nil)
        }
        checkShape(text, payload: payload, note: note)
        if decodedBytes.count > maximumPathBytes { note(.pathTooLong) }
        return Verdict(problems: problems, path: problems.isEmpty ? text : nil)
    }

    /// Characters that are wrong anywhere in a path; `encoded` is set when looking at the
    /// decoded bytes, where a raw CR or LF is legitimate (it was encoded as the RFC asks).
    private static func checkCharacters(_ bytes: [UInt8], encoded: Bool, note: (BagProblem) -> Void) {
        for byte in bytes {
            switch byte {
            case 0: note(encoded ? .encodedNul : .nulCharacter)
            case UInt8(ascii: "\\"): note(encoded ? .encodedSeparator : .backslash)
            case 0x0D, 0x0A: if !encoded { note(.unencodedLineBreak) }
            case 0x01...0x1F, 0x7F: note(.controlCharacter)
            default: break
            }
        }
    }

    /// True when a segment made entirely of dots was written with at least one escape
    /// (`%2e%2e`, `.%2E`, `%2e`).
    private static func hidesDotSegment(_ decoded: [UInt8], escapes: [ManifestPathCoding.Escape]) -> Bool {
        guard escapes.contains(where: { $0.byte == UInt8(ascii: ".") }) else { return false }
        for segment in decoded.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if !segment.isEmpty, segment.count <= 2, segment.allSatisfy({ $0 == UInt8(ascii: ".") }) {
                return true
            }
        }
        return false
    }

    /// Where the path points: absolute, home, drive letter, dot and empty segments, lengths,
    /// invisible characters, and (for payload manifests) whether it is under `data/`.
    private static func checkShape(_ text: String, payload: Bool, note: (BagProblem) -> Void) {
        if text.hasPrefix("/") { note(.absolutePath) }
        if text.hasPrefix("~") { note(.homeReference) }
        let scalars = Array(text.unicodeScalars)
        if scalars.count >= 2, scalars[1] == ":", scalars[0].isASCII, scalars[0].properties.isAlphabetic {
            note(.windowsDrivePath)
        }
        for scalar in scalars where isDeceptive(scalar) { note(.deceptiveCharacter) }

        var segments = text.split(separator: "/", omittingEmptySubsequences: false)
        if text.hasPrefix("/") { segments.removeFirst() }
        for segment in segments {
            switch segment {
            case "": note(.emptySegment)
            case ".": note(.currentSegment)
            case "..": note(.parentSegment)
            case "~": note(.homeReference)
            default:
                if segment.utf8.count > maximumSegmentBytes { note(.pathTooLong) }
            }
        }
        if payload {
            let first = segments.first.map(String.init) ?? ""
            if first != "data" || segments.count < 2 { note(.outsidePayload) }
        }
    }

    /// Zero-width and bidirectional control characters, which make a name display as another.
    static func isDeceptive(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x00AD, 0x061C: true
        default: false
        }
    }
}
