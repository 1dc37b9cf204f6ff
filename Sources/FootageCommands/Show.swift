package import ArgumentParser
package import Catalogue
package import FootageModel
import Foundation

extension Footage {
    /// `footage show CLIP`: everything the catalogue holds about one clip.
    package struct Show: AsyncParsableCommand {
        package static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Shows one clip: hash, storage, collection record, what the probe found.",
            discussion: "CLIP is any unique prefix of the clip's SHA-256. An ambiguous prefix lists the candidates (exit 64); no match exits 66."
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Argument(help: "The clip: a unique prefix of its SHA-256.")
        var clip: String

        @Flag(help: "Print JSON (with the full probe record).")
        var json = false

        package init() {}

        package func run() async throws {
            let opened = try catalogue.open()
            let found: Clip
            do { found = try opened.clip(id: opened.resolveClip(clip)) } catch { throw CatalogueFailure.exit(error) }
            if json {
                try Console.printJSON(found)
                return
            }
            Console.out(Self.describe(found, vault: opened))
        }

        package static func describe(_ clip: Clip, vault catalogue: Catalogue) -> String {
            var lines = ["sha256       \(clip.digest.hex)", "size         \(clip.size) bytes"]
            if clip.inVault { lines.append("stored       \(catalogue.objectPath(for: clip.digest))") }
            if let path = clip.inPlacePath { lines.append("in place     \(path.escaped)") }
            lines.append("registered   \(clip.registeredAt)")
            lines += describe(clip.collection)
            if let probe = clip.probe {
                if let failure = probe.failure {
                    lines.append("probe        failed (\(failure.reason)): \(failure.message)")
                } else if let facts = probe.facts {
                    lines.append("container    \(facts.container ?? "-")")
                    lines.append("duration     \(facts.duration.map(seconds) ?? "-")")
                    if let codec = facts.videoCodec {
                        let size = facts.width.flatMap { w in facts.height.map { "\(w)x\($0)" } } ?? "?"
                        lines.append("video        \(codec) \(size) \(facts.frameRate.map { "\($0) fps" } ?? "")")
                    }
                    if let codec = facts.audioCodec { lines.append("audio        \(codec)") }
                    if let created = facts.creationTime { lines.append("created      \(ClipFileName(created).escaped) (as written in the file)") }
                }
            } else {
                lines.append("probe        not probed")
            }
            return lines.joined(separator: "\n")
        }

        package static func describe(_ collection: ClipCollection) -> [String] {
            var lines = [
                "source       \(ClipFileName(collection.sourceURL).escaped)",
                "collected    \(collection.collectedAt) by \(ClipFileName(collection.collector).escaped)",
                "name         \(collection.originalName.escaped)",
                "path         \(collection.originalPath.escaped)",
            ]
            if let note = collection.note { lines.append("note         \(ClipFileName(note).escaped)") }
            let versions = collection.libraryVersions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("tool         footage \(collection.toolVersion); " + versions.joined(separator: ", "))
            return lines
        }

        /// Seconds for display, three decimals, from an exact media time.
        static func seconds(_ time: MediaTime) -> String {
            let micros = time.rescaled(to: Rational(1, 1_000_000)).pts
            let sign = micros < 0 ? "-" : ""
            let magnitude = abs(micros)
            let millis = (magnitude % 1_000_000 + 500) / 1000
            let whole = magnitude / 1_000_000 + (millis == 1000 ? 1 : 0)
            let fraction = String(millis % 1000)
            return "\(sign)\(whole).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
        }
    }
}
