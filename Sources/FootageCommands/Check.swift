package import ArgumentParser
import Catalogue
package import CheckCore
import FootageModel
import Foundation

extension Footage {
    /// `footage check [CLIP|CLAIM] [--json]`: checks claims against the clips they are linked to.
    package struct Check: AsyncParsableCommand {
        package static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Checks claims against the clips they are linked to, and stores the verdicts.",
            discussion: """
            With no argument every claim is checked; with a clip (a unique prefix of its SHA-256) \
            the claims linked to it; with a claim's id that claim against every clip it is linked \
            to. Durations are compared with the probe's durations (the verdict says which); events, \
            orders and counts with a person's marks first, then with the detected impulsive sounds; \
            a clip that was never analysed is analysed once and the analysis stored. Each verdict \
            gives the claim's interval, the measurement and its source, the difference, the \
            tolerance, the other reading of an ambiguous time, and the frame on screen at the \
            claimed moment (stored once as a derived file). Claims linked to no clip are unchecked. \
            Verdicts are stored, each with a custody event. Verdicts speak of the footage, never of \
            the world.

            Exit status: 0 when no verdict is inconsistent, 1 when one is, 66 for an unknown clip or \
            claim, 64 for an ambiguous name.
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Argument(help: "A clip (a unique prefix of its SHA-256) or a claim's id; default: every claim.")
        var target: String?

        @Flag(help: "Print the verdicts as a JSON array (Schemas/verdict.schema.json).")
        var json = false

        package init() {}

        /// Checks with what the catalogue holds; when a clip needs media work, nothing has been
        /// stored and the unchanged command line goes to the full tree, which can decode.
        package func run() async throws {
            do {
                try run(media: NoMediaWork())
            } catch is MediaLibrariesNeeded {
                FullTree.run(CommandLine.arguments)
            }
        }

        /// The check with `media` doing any decoding; throws `MediaLibrariesNeeded` when the media
        /// work cannot decode, before anything is stored.
        package func run(media: any CheckMediaWork) throws {
            let opened = try catalogue.open()
            let scope = try Self.scope(of: target, in: opened)
            let report: CheckReport
            do {
                report = try CheckRunner(catalogue: opened).run(scope, media: media)
            } catch {
                switch error {
                case let .catalogue(inner):
                    Console.err("footage check: \(error.description)")
                    throw CatalogueFailure.status(inner)
                case .needsMediaLibraries:
                    throw MediaLibrariesNeeded()
                }
            }
            if json {
                try Console.printJSON(report.verdicts)
            } else {
                Console.out(Self.text(report))
            }
            let counts = Dictionary(grouping: report.verdicts, by: \.outcome).mapValues(\.count)
            Console.err(VerdictOutcome.allCases.compactMap { outcome in counts[outcome].map { "\($0) \(outcome.rawValue)" } }
                .joined(separator: ", ") + (report.verdicts.isEmpty ? "nothing to check: no claims in scope" : ""))
            if report.foundInconsistency { throw ExitStatus.mismatch }
        }

        /// A claim's id when a claim has it, else a clip prefix; a name that is both is refused.
        static func scope(of target: String?, in catalogue: Catalogue) throws -> CheckScope {
            guard let target else { return .everything }
            let isClaim: Bool
            do {
                _ = try catalogue.claim(handle: target)
                isClaim = true
            } catch {
                guard case .rejected = error else { throw CatalogueFailure.exit(error) }
                isClaim = false
            }
            let clipID: Int64?
            do {
                clipID = try catalogue.resolveClip(target)
            } catch {
                switch error {
                case .noSuchClip, .invalidClipName:
                    guard isClaim else {
                        Console.err("footage check: \(target) is neither a claim's id nor a prefix of a clip's SHA-256; footage claims and footage clips list them")
                        throw ExitStatus.noInput
                    }
                    clipID = nil
                default:
                    if isClaim { clipID = nil } else { throw CatalogueFailure.exit(error) }
                }
            }
            if isClaim, clipID != nil {
                Console.err("footage check: \(target) names both a claim and a clip; give more characters of the clip's hash")
                throw ExitStatus.usage
            }
            return clipID.map { .clip($0) } ?? .claim(target)
        }

        /// One table per clip, headed by what was measured, then the claims linked to no clip.
        static func text(_ report: CheckReport) -> String {
            var sections: [String] = []
            for clip in report.clips {
                var head = "clip \(clip.clip.hex.prefix(16))…"
                if let id = clip.analysisID {
                    head += "  analysis #\(id)" + (clip.analysedNow ? " (made now)" : " (stored)")
                    if let audio = clip.audioEvents {
                        head += "; \(audio.count) impulsive sound\(audio.count == 1 ? "" : "s")"
                        if !audio.isEmpty { head += " at " + audio.map { VerdictTable.seconds($0, unit: false) }.joined(separator: ", ") + " s" }
                    } else {
                        head += "; no audio stream"
                    }
                    head += "; \(clip.cuts.count) cut\(clip.cuts.count == 1 ? "" : "s")"
                } else if let failure = clip.analysisFailure {
                    head += "  not analysed: \(failure)"
                }
                if clip.marks > 0 { head += "; \(clip.marks) mark\(clip.marks == 1 ? "" : "s") by a person" }
                sections.append((VerdictTable.wrap(head, indent: "  ") + [""]).joined(separator: "\n")
                                + VerdictTable.render(clip.checked.map { VerdictTable.Row(claim: $0.claim, verdict: $0.verdict) }))
            }
            if !report.unlinked.isEmpty {
                sections.append("claims linked to no clip\n"
                                + VerdictTable.render(report.unlinked.map { VerdictTable.Row(claim: $0.claim, verdict: $0.verdict) }))
            }
            return sections.isEmpty ? "no claims to check" : sections.joined(separator: "\n\n")
        }
    }
}

/// A check that needs media work this process cannot do (see `NoMediaWork`).
package struct MediaLibrariesNeeded: Error, CustomStringConvertible {
    package var description: String { "this check needs the media libraries: run it with footage-full" }
}
