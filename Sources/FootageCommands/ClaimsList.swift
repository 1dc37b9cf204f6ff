import ArgumentParser
import Catalogue
import FootageModel
import Foundation
import TimingClaims

extension Footage.Claims {
    /// `footage claims [--json]`: the recorded claims, their links and latest verdicts.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Lists the recorded claims: article, kind, timing as written, interval, linked clips, latest verdict.",
            discussion: """
            One line per claim and linked clip. The interval is the exact reading of the timing, \
            with * when the timing has another reading the claims file did not choose. A clip is \
            shown by the first 12 characters of its SHA-256, with the link's offset when it is not 0; \
            the verdict is the latest check's, or "not checked".
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Option(help: "Only the claims of this article (its handle).")
        var article: String?

        @Flag(help: "Print a JSON array.")
        var json = false

        func run() async throws {
            let opened = try catalogue.open()
            let listing: [ClaimListing]
            do { listing = try opened.claimListing(article: article) } catch { throw CatalogueFailure.exit(error) }
            if json {
                try Console.printJSON(listing.map(ClaimsListRow.init))
                return
            }
            if listing.isEmpty {
                Console.err("no claims recorded; footage claims import FILE adds them")
                return
            }
            Console.out(Self.table(listing).render())
        }

        static func table(_ listing: [ClaimListing]) -> ColumnTable {
            var table = ColumnTable([
                .init(title: "CLAIM", minimumWidth: 8), .init(title: "ARTICLE", minimumWidth: 8), .init(title: "KIND"),
                .init(title: "AS WRITTEN", minimumWidth: 14), .init(title: "INTERVAL", minimumWidth: 10),
                .init(title: "CLIP", minimumWidth: 12), .init(title: "VERDICT"),
            ])
            for item in listing {
                let claim = item.claim.claim
                let interval = claim.interval.map { $0.bounds.notation + (item.claim.ambiguous ? "*" : "") } ?? "-"
                let head = [claim.id, item.claim.article ?? "-", claim.kind.rawValue,
                            claim.timing.map(ClipFileName.terminalSafe) ?? "-", interval]
                if item.links.isEmpty {
                    let unlinked = item.latestVerdicts.first { $0.clip == nil }
                    table.add(head + ["(not linked)", unlinked?.verdict.outcome.rawValue ?? "-"])
                    continue
                }
                for (index, link) in item.links.enumerated() {
                    let verdict = item.latestVerdicts.first { $0.clip == link.clip }
                    let clip = link.clip.short + (link.offset == .zero ? "" : " +\(link.offset)s")
                    table.add((index == 0 ? head : Array(repeating: "", count: head.count))
                              + [clip, verdict?.verdict.outcome.rawValue ?? "not checked"])
                }
            }
            return table
        }
    }
}

/// One claim in `footage claims --json`.
struct ClaimsListRow: Encodable {
    struct LinkRow: Encodable {
        var clip: SHA256Digest
        var offset: ExactSeconds
        var verdict: VerdictOutcome?
        var checkedAt: String?

        enum CodingKeys: String, CodingKey {
            case clip, offset, verdict
            case checkedAt = "checked_at"
        }
    }

    var id: String
    var article: String?
    var kind: ClaimKind
    var quote: String
    var timing: String?
    var interval: ClaimedInterval?
    var ambiguous: Bool
    var links: [LinkRow]

    init(_ item: ClaimListing) {
        let claim = item.claim.claim
        id = claim.id
        article = item.claim.article
        kind = claim.kind
        quote = claim.quote
        timing = claim.timing
        interval = claim.interval
        ambiguous = item.claim.ambiguous
        links = item.links.map { link in
            let verdict = item.latestVerdicts.first { $0.clip == link.clip }
            return LinkRow(clip: link.clip, offset: link.offset, verdict: verdict?.verdict.outcome, checkedAt: verdict?.checkedAt)
        }
    }
}
