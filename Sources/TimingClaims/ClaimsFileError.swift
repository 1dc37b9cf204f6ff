/// A problem in a claims file, at a line and column (both from 1; columns count characters).
public struct ClaimsFileProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String

    public init(file: String, line: Int, column: Int, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `claims.yaml:12:5: unknown field "tiem"`.
    public var description: String { "\(file):\(line):\(column): \(problem)" }
}

/// Why a claims file was refused: every problem found, in file order.
public struct ClaimsFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [ClaimsFileProblem]

    public init(problems: [ClaimsFileProblem]) {
        self.problems = problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
