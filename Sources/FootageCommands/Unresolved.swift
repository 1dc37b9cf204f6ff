import ArgumentParser
import Catalogue
import FootageModel
import Foundation

extension Footage {
    /// `footage unresolved`: what still needs work, with the next command for each item.
    struct Unresolved: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unresolved",
            abstract: "Lists what still needs work, one row per item, with a reason and the next command to run.",
            discussion: """
            Reasons, in the order listed: hash_mismatch (the latest verify found the bytes changed), \
            probe_failed, inconsistent and inconclusive (the latest verdict), vfr_uncertain (a \
            variable-frame-rate clip where a claim needs timing finer than a frame or the measurement \
            lies within a frame of an edge), ambiguous_time_expression (a timing with two readings and \
            none chosen), needs_person (a visual claim without a mark labelled with its id), unchecked, \
            not_analyzed, no_clip_linked, described_footage_not_registered, clip_without_claims, \
            clip_missing (the vault copy or in-place file is gone). The first --limit items are shown \
            (default 50); a line on stderr says when there are more. Exit status 0 even when items exist.
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Flag(help: "Print a JSON array of {reason, clip, claim, detail, next}.")
        var json = false

        @Option(help: "How many items to show.")
        var limit = 50

        @Option(name: .customLong("reason"), help: "Only items with this reason (one of the codes above).")
        var reasonCode: String?

        var reason: UnresolvedReason? { reasonCode.flatMap(UnresolvedReason.init(rawValue:)) }

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
            if let reasonCode, UnresolvedReason(rawValue: reasonCode) == nil {
                let known = UnresolvedReason.listingOrder.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--reason \(ClipFileName(reasonCode).escaped) is not a reason; known reasons: \(known)")
            }
        }

        func run() async throws {
            let opened = try catalogue.open()
            let page: UnresolvedPage
            do { page = try opened.unresolved(reason: reason, limit: limit) } catch { throw CatalogueFailure.exit(error) }
            if json {
                try Console.printJSON(page.items)
            } else if page.items.isEmpty {
                Console.err(reason.map { "nothing unresolved with reason \($0.rawValue)" } ?? "nothing unresolved")
            } else {
                Console.out(Self.render(page.items))
            }
            if page.hasMore {
                Console.err("more items than the \(limit) shown; use --limit or --reason to see them")
            }
        }

        /// Per item: reason, clip, claim and the detail, the detail wrapped onto indented lines
        /// when it does not fit `width`; then the next command, indented.
        static func render(_ items: [UnresolvedItem], width: Int = 100) -> String {
            let reasonWidth = items.map(\.reason.rawValue.count).max() ?? 0
            let claimWidth = min(16, items.map { ($0.claim ?? "-").count }.max() ?? 1)
            var lines: [String] = []
            for item in items {
                var claim = item.claim ?? "-"
                if claim.count > claimWidth { claim = String(claim.prefix(claimWidth - 1)) + "…" }
                let prefix = pad(item.reason.rawValue, reasonWidth) + "  " + pad(item.clip?.short ?? "-", 12) + "  "
                    + pad(claim, claimWidth) + "  "
                let detail = wrap(ClipFileName.terminalSafe(item.detail), first: max(20, width - prefix.count), rest: width - 4)
                lines.append(prefix + detail[0])
                lines += detail.dropFirst().map { "    " + $0 }
                lines.append("    next: " + ClipFileName.terminalSafe(item.next))
            }
            return lines.joined(separator: "\n")
        }

        /// Breaks text at spaces into lines of at most `first` characters, then `rest`; a word
        /// longer than a line is cut.
        static func wrap(_ text: String, first: Int, rest: Int) -> [String] {
            var lines: [String] = []
            var current = ""
            for word in text.split(separator: " ", omittingEmptySubsequences: false) {
                let limit = lines.isEmpty ? first : rest
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= limit {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
                while current.count > (lines.isEmpty ? first : rest) {
                    let cut = lines.isEmpty ? first : rest
                    lines.append(String(current.prefix(cut)))
                    current = String(current.dropFirst(cut))
                }
            }
            lines.append(current)
            return lines
        }

        private static func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
    }
}
