import ArgumentParser
import Foundation
import FootageModel
import TimingClaims

extension Footage.Claims {
    /// `footage claims extract TEXTFILE [--json]`: a draft of the timing claims in an article.
    struct Extract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Propose the timing claims found in an article's text, for a person to review.",
            discussion: """
            Offsets count UTF-16 code units from the start of the file's text, end exclusive. \
            With --json the output is a claims file (Schemas/claims.schema.json) that can be \
            edited and imported.
            """
        )

        @Argument(help: "A UTF-8 text file holding the article's text.")
        var textFile: String

        @Option(help: "The article id to record on every proposed claim.")
        var article: String?

        @Flag(help: "Write the draft as a JSON claims file.")
        var json = false

        func run() async throws {
            let text = try Self.readText(textFile)
            let claims = ClaimExtractor.extract(from: text)
            if json {
                try Console.printJSON(ClaimsDocument(article: article, claims: claims))
            } else {
                for claim in claims { Console.out(Self.row(claim)) }
            }
            Console.err("\(claims.count) proposed claim\(claims.count == 1 ? "" : "s") in \(textFile); review them before importing (footage claims import FILE)")
        }

        /// One line per claim: id, kind, the words found, the interval they read as, the rule, offsets.
        static func row(_ claim: ClaimRecord) -> String {
            var columns = [claim.id, claim.kind.rawValue]
            if let source = claim.source {
                columns += ["\"\(source.text)\"", source.readsAs ?? "", source.rule, "\(source.start)..<\(source.end)"]
            }
            if let event = claim.event { columns.append(event + (claim.count.map { " ×\($0)" } ?? "")) }
            if let follows = claim.follows { columns.append("after \(follows)") }
            if let timing = claim.timing, let interval = TimingParser.parse(timing), let other = interval.alternative {
                columns.append("ambiguous: also \"\(other.expression)\" \(other.bounds.notation)")
            }
            return columns.filter { !$0.isEmpty }.joined(separator: "  ")
        }

        static func readText(_ path: String) throws -> String {
            let data = try readBytes(path)
            guard let text = String(data: data, encoding: .utf8) else {
                Console.err("footage: \(path): not UTF-8 text")
                throw ExitStatus.badData
            }
            return text
        }

        /// The bytes of a file named on the command line, with exit 66 when it is missing and 74
        /// when it cannot be read.
        static func readBytes(_ path: String) throws -> Data {
            guard FileManager.default.fileExists(atPath: path) else {
                Console.err("footage: \(path): no such file")
                throw ExitStatus.noInput
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                Console.err("footage: \(path): cannot be read: \(error.localizedDescription)")
                throw ExitStatus.ioError
            }
            return data
        }
    }
}
