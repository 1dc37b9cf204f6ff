import Catalogue
import FootageCommands
import FootageModel

/// The clip's provenance as the demo prints it: the collection record, then one line per custody
/// event with its details cut to the page width (`footage provenance` prints them whole).
enum DemoProvenance {
    static func text(_ history: ClipProvenance) -> String {
        var lines = ["clip \(history.clip.digest.hex)", "", "collection record"]
        if let first = history.collections.first {
            lines += Footage.Show.describe(first).map { "  " + VerdictTable.cut($0, to: VerdictTable.width - 2) }
        }
        lines.append("")
        lines.append("custody log (each event chained to the one before it by SHA-256)")
        for event in history.events {
            let time = String(event.occurredAt.dropFirst(11).prefix(8))
            let head = "  #\(event.id)  \(time)  \(ClipFileName(event.actor).escaped)  \(event.action)  "
            let room = max(10, VerdictTable.width - head.count)
            lines.append(head + VerdictTable.cut(ClipFileName.terminalSafe(event.details), to: room))
        }
        return lines.joined(separator: "\n")
    }
}
