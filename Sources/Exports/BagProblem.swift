/// What can be wrong with a bag. Each case is one problem a person can act on.
public enum BagProblem: String, Sendable, Hashable, Codable, CaseIterable {
    // The bag as a whole.
    case bagNotAFolder
    case missingBagDeclaration
    case malformedBagDeclaration
    case unsupportedVersion
    case missingPayloadFolder
    case noPayloadManifest
    case unsupportedAlgorithm
    case malformedBagInfo
    case malformedOxum
    case oxumMismatch

    // One manifest line.
    case malformedManifestLine
    case malformedChecksum

    // One manifest path.
    case emptyPath
    case absolutePath
    case windowsDrivePath
    case parentSegment
    case currentSegment
    case emptySegment
    case homeReference
    case nulCharacter
    case backslash
    case unencodedLineBreak
    case controlCharacter
    case deceptiveCharacter
    case encodedDotSegment
    case encodedSeparator
    case encodedNul
    case unexpectedPercentEscape
    case malformedPercentEscape
    case invalidUTF8
    case pathTooLong
    case outsidePayload
    case duplicatePath
    case caseTwin
    case normalizationTwin

    // Files on disk.
    case missingFile
    case unlistedFile
    case symbolicLink
    case notRegularFile
    case unreadableFile
    case checksumMismatch

    /// A short lowercase statement of the problem.
    public var summary: String {
        switch self {
        case .bagNotAFolder: "the bag is not a folder (or is a symbolic link)"
        case .missingBagDeclaration: "bagit.txt is missing"
        case .malformedBagDeclaration: "bagit.txt is not the two required lines"
        case .unsupportedVersion: "the BagIt version is not one this verifier knows"
        case .missingPayloadFolder: "the data/ folder is missing"
        case .noPayloadManifest: "no payload manifest (manifest-<algorithm>.txt)"
        case .unsupportedAlgorithm: "the manifest names an unknown checksum algorithm"
        case .malformedBagInfo: "bag-info.txt has a line that is not a label and a value"
        case .malformedOxum: "Payload-Oxum is not <octets>.<count>"
        case .oxumMismatch: "Payload-Oxum does not match the payload on disk"
        case .malformedManifestLine: "manifest line is not a checksum, whitespace and a path"
        case .malformedChecksum: "checksum is not hex of the algorithm's length"
        case .emptyPath: "path is empty"
        case .absolutePath: "path is absolute"
        case .windowsDrivePath: "path starts with a drive letter"
        case .parentSegment: "path has a '..' segment"
        case .currentSegment: "path has a '.' segment"
        case .emptySegment: "path has an empty segment"
        case .homeReference: "path refers to a home folder ('~')"
        case .nulCharacter: "path contains a NUL character"
        case .backslash: "path contains a backslash"
        case .unencodedLineBreak: "path contains a carriage return that is not percent-encoded"
        case .controlCharacter: "path contains a control character"
        case .deceptiveCharacter: "path contains an invisible or direction-changing character"
        case .encodedDotSegment: "path hides a '.' or '..' segment in percent escapes"
        case .encodedSeparator: "path hides a '/' or '\\' in a percent escape"
        case .encodedNul: "path hides a NUL in a percent escape"
        case .unexpectedPercentEscape: "path percent-encodes a character other than CR, LF or '%'"
        case .malformedPercentEscape: "path has a '%' not followed by two hex digits"
        case .invalidUTF8: "path is not valid UTF-8 once decoded (overlong or broken sequence)"
        case .pathTooLong: "path or one of its segments is too long for a file system"
        case .outsidePayload: "payload manifest path is not inside data/"
        case .duplicatePath: "path is listed twice in one manifest"
        case .caseTwin: "path differs from another in the manifest only by letter case"
        case .normalizationTwin: "path differs from another in the manifest only by Unicode normalisation"
        case .missingFile: "listed file is missing"
        case .unlistedFile: "payload file is not listed in the manifest"
        case .symbolicLink: "a symbolic link in the bag (never followed)"
        case .notRegularFile: "not a regular file"
        case .unreadableFile: "file cannot be read"
        case .checksumMismatch: "checksum does not match the file's content"
        }
    }
}

/// One problem found in a bag: the file it is in or about, the line when it is one line of a
/// tag file, and the specifics.
public struct BagFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Path relative to the bag folder (`manifest-sha256.txt`, `data/clip.mp4`), or `.` for
    /// the bag itself.
    public var file: String
    public var line: Int?
    public var problem: BagProblem
    public var detail: String

    public init(file: String, line: Int? = nil, problem: BagProblem, detail: String = "") {
        self.file = file
        self.line = line
        self.problem = problem
        self.detail = detail
    }

    public var description: String {
        let place = line.map { "\(file) line \($0)" } ?? file
        return detail.isEmpty ? "\(place): \(problem.summary)" : "\(place): \(problem.summary): \(detail)"
    }
}
