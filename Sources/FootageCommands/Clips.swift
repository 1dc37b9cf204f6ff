import ArgumentParser
import Catalogue
import FootageModel
import Foundation

extension Footage {
    /// `footage clips`: one line per clip.
    struct Clips: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clips",
            abstract: "Lists the registered clips: short hash, duration, size in bytes, source, original name.",
            discussion: "Names are shown escaped (\\n, \\xNN) so that no name can disturb the terminal. A clip whose probe failed shows the reason in place of a duration."
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Flag(help: "Print a JSON array.")
        var json = false

        func run() async throws {
            let opened = try catalogue.open()
            if json {
                let summaries: [ClipSummary]
                do { summaries = try opened.clipSummaries() } catch { throw CatalogueFailure.exit(error) }
                try Console.printJSON(summaries)
                return
            }
            // Rows go from SQLite's buffer into a byte block for stdout: no per-row model value,
            // `String` or Foundation formatting, so the listing costs a scan and the writes.
            var output = OutputBuffer()
            var failure: OutputFailure?
            do throws(CatalogueError) {
                try opened.forEachClipListing { clip in
                    output.append(raw: UnsafeRawBufferPointer(rebasing: clip.digestHex.prefix(12)))
                    output.append("  ")
                    if let micros = clip.durationMicroseconds {
                        output.append(secondsFromMicroseconds: micros)
                    } else if let reason = clip.probeFailure {
                        output.append("(")
                        output.append(escaped: reason)
                        output.append(")")
                    } else {
                        output.append("-")
                    }
                    output.append("  ")
                    output.append(decimal: clip.size)
                    output.append("  ")
                    output.append(escaped: clip.source)
                    output.append("  ")
                    output.append(escaped: clip.originalName)
                    output.append("\n")
                    do throws(OutputFailure) { try output.flushIfFull() } catch {
                        failure = error
                        return false
                    }
                    return true
                }
            } catch {
                throw CatalogueFailure.exit(error)
            }
            do {
                if let failure { throw failure }
                try output.flush()
            } catch {
                Console.err("footage: \(error)")
                throw ExitStatus.ioError
            }
        }
    }
}
