import ArgumentParser
import Catalogue
import FootageModel
import Foundation

extension Footage {
    /// `footage mark CLIP --at T --label L`: a person's observation of an event.
    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark",
            abstract: "Records a person's observation of an event in a clip (it outranks a detector).",
            discussion: """
            T is player time (0 is the first presented frame), stored exactly: seconds such as 5.4, a \
            clock time such as 0:05.4, or a length such as "5 seconds". The label names the event \
            ("shot"); to record a judgement on a visual claim, use the claim's id as the label and say \
            what you saw in --note. Marks are written once; each is a custody event on the clip. Exit \
            status: 66 for an unknown clip, 64 for an ambiguous prefix or an unreadable time.
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Argument(help: "The clip: a unique prefix of its SHA-256.")
        var clip: String

        @Option(help: "When the event happens, in player time.")
        var at: String

        @Option(help: "What happens (\"shot\"), or the id of the visual claim judged.")
        var label: String

        @Option(help: "Who observed it (default: the current user).")
        var by: String?

        @Option(help: "What the person saw or heard.")
        var note: String?

        @Flag(help: "Print the mark as JSON.")
        var json = false

        func validate() throws {
            guard let time = PlayerTimeArgument.parse(at) else {
                throw ValidationError(PlayerTimeArgument.problem(option: "--at", text: at))
            }
            if time.isNegative { throw ValidationError("--at \(at) is before the start of the clip") }
            if label.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--label must not be empty") }
            if let by, by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by must not be empty") }
        }

        func run() async throws {
            let time = PlayerTimeArgument.parse(at) ?? .zero
            let opened = try catalogue.open(actor: by)
            let mark: FootageModel.Mark
            do {
                mark = try opened.addMark(clipID: opened.resolveClip(clip), at: time, label: label,
                                          by: by ?? UserName.current, note: note)
            } catch { throw CatalogueFailure.exit(error) }
            if json {
                try Console.printJSON(mark)
            } else {
                Console.out("mark \(mark.id)  \(mark.clip.short)  at \(mark.at) s  \(ClipFileName.terminalSafe(mark.label))")
            }
            Console.err("marked \(mark.clip.short) at \(mark.at) s; next: footage check \(mark.clip.short)")
        }
    }
}
