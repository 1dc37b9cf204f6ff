import ArgumentParser
import Catalogue
import FootageModel
import Foundation

extension Footage {
    /// `footage link CLAIM CLIP [--offset S]`: says which clip a claim is about.
    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Links a claim to a clip, with where the article's excerpt starts in the clip.",
            discussion: """
            CLIP is any unique prefix of the clip's SHA-256. The offset is added to the claim's times to \
            give clip times: 2.5 means the excerpt the article describes starts 2.5 s into this clip. It \
            is stored exactly (seconds such as 2.5 or 1/3, a clock time such as 0:02.5, or a length such \
            as "2 seconds"). Linking again with another offset updates the link; the custody event records \
            the old and the new offset. Exit status: 66 for an unknown claim or clip, 64 for an ambiguous \
            prefix or an unreadable offset.
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Argument(help: "The claim's id.")
        var claim: String

        @Argument(help: "The clip: a unique prefix of its SHA-256.")
        var clip: String

        @Option(help: "Where the article's excerpt starts in this clip (default 0).")
        var offset: String?

        func validate() throws {
            if let offset, PlayerTimeArgument.parse(offset) == nil {
                throw ValidationError(PlayerTimeArgument.problem(option: "--offset", text: offset))
            }
        }

        func run() async throws {
            let seconds = offset.flatMap(PlayerTimeArgument.parse) ?? .zero
            let opened = try catalogue.open()
            let outcome: LinkOutcome
            do {
                let clipID = try opened.resolveClip(clip)
                outcome = try opened.link(claim: claim, clipID: clipID, offset: seconds)
            } catch { throw CatalogueFailure.exit(error) }
            let link = outcome.link
            Console.out("\(link.claim)  \(link.clip.hex)  offset \(link.offset)")
            switch outcome {
            case .linked:
                Console.err("linked \(link.claim) to \(link.clip.short); next: footage check \(link.clip.short)")
            case let .relinked(_, previous):
                Console.err("moved the offset of \(link.claim) on \(link.clip.short) from \(previous) s to \(link.offset) s")
            case .unchanged:
                Console.err("\(link.claim) was already linked to \(link.clip.short) at this offset; nothing changed")
            }
        }
    }
}
