public import FootageModel

/// The formats a claims file may be written in; all follow `Schemas/claims.schema.json`.
public enum ClaimsFileFormat: String, Sendable, CaseIterable {
    case yaml, json, csv

    /// The format named by a file's extension (`.yaml`/`.yml`, `.json`, `.csv`).
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { self = .yaml } else if lower.hasSuffix(".json") {
            self = .json
        } else if lower.hasSuffix(".csv") { self = .csv } else { return nil }
    }
}

/// A claims file that passed validation: the records as written and the claims they give.
public struct ClaimsFile: Sendable, Hashable {
    public var document: ClaimsDocument
    public var claims: [Claim]
}

/// Reads and strictly validates a claims file. Pure: the caller reads the bytes.
///
/// Refused, each with file, line and column: unknown fields, duplicate keys, wrong types,
/// unknown kinds, unreadable timings and times, impossible intervals (negative, start not
/// before end), duplicate ids, and `follows` naming no claim in the file.
public enum ClaimsFileReader {
    static let documentFields: Set<String> = ["article", "claims"]
    static let claimFields: Set<String> = ["id", "article", "kind", "quote", "timing", "start", "end", "reading", "event",
                                           "count", "follows", "window", "asserted_by", "source"]
    static let sourceFields: Set<String> = ["start", "end", "offset_unit", "text", "sentence", "rule", "reads_as"]

    public static func read(_ text: String, fileName: String, format: ClaimsFileFormat) throws(ClaimsFileError) -> ClaimsFile {
        let root: DocumentNode
        switch format {
        case .json: root = try JSONDocumentReader.read(text, file: fileName)
        case .yaml: root = try YAMLDocumentReader.read(text, file: fileName)
        case .csv: root = try CSVDocumentReader.read(text, file: fileName, fields: claimFields)
        }
        var validator = ClaimsValidator(file: fileName)
        let result = validator.document(root)
        if !validator.problems.isEmpty { throw ClaimsFileError(problems: validator.problems) }
        guard let result else {
            throw ClaimsFileError(problems: [ClaimsFileProblem(file: fileName, line: 1, column: 1, problem: "no claims read")])
        }
        return result
    }
}
