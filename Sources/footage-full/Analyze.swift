import ArgumentParser
import Casework
import Catalogue
import FootageCommands
import FootageModel
import MediaAnalysis

extension Footage {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Measure clips in one decoding pass each: impulsive sounds, scene cuts and frame hashes.",
            discussion: """
            Times are player times (0 is the first presented frame). Audio events give the onset, \
            the peak level in dBFS and the strength (dB above the noise floor); cuts give the first \
            frame of the new shot and a score; hashes are 64-bit perceptual hashes, four per second. \
            A registered clip (named by a prefix of its SHA-256) is analysed once and the analysis \
            stored with a custody event; later runs show the stored analysis unless --again.
            """
        )

        @Argument(help: "Clip files, or registered clips named by a prefix of their SHA-256.")
        var clips: [String]

        @OptionGroup var catalogue: CatalogueOptions

        @Flag(help: "Analyse registered clips again even when an analysis is stored (the new one is stored too).")
        var again = false

        @Flag(help: "Print the measurements as JSON on stdout (an array, one report per clip).")
        var json = false

        func validate() throws {
            if clips.isEmpty { throw ValidationError("give at least one clip") }
        }

        func run() throws {
            var reports: [AnalysisReport] = []
            var worst: Int32 = 0
            let resolver = ClipArgument.Resolver(catalogue)
            for clip in clips {
                do {
                    let report: AnalysisReport
                    switch try resolver.resolve(clip, command: "analyze") {
                    case let .file(path): report = try ClipAnalyzer.analyze(path: path)
                    case let .clip(id, catalogue): report = try stored(clipID: id, catalogue: catalogue)
                    }
                    reports.append(report)
                    if !json { Console.out(Self.text(for: report)) }
                } catch let error as AnalysisError {
                    Console.err("footage analyze: \(error.description)")
                    worst = max(worst, AnalysisExit.status(for: error))
                } catch let error as CaseworkError {
                    Console.err("footage analyze: \(error.description)")
                    worst = max(worst, CaseworkExit.status(for: error).rawValue)
                } catch let exit as ExitCode {
                    worst = max(worst, exit.rawValue)
                }
            }
            if json { try Console.printJSON(reports) }
            if worst != 0 { throw ExitCode(worst) }
        }

        /// A registered clip's stored analysis, made and stored first when there is none.
        private func stored(clipID: Int64, catalogue: Catalogue) throws -> AnalysisReport {
            let service = ClipAnalysisService(catalogue: catalogue)
            if again { return try service.analyseAgain(clipID: clipID).report }
            let latest: StoredAnalysis?
            do { latest = try catalogue.latestAnalysis(clipID: clipID) } catch { throw CaseworkError.catalogue(error) }
            if let latest {
                Console.err("footage analyze: showing the analysis stored \(latest.analysedAt) (#\(latest.id)); --again analyses anew")
                return latest.report
            }
            return try service.analysis(clipID: clipID).report
        }

        static func text(for report: AnalysisReport) -> String {
            var lines = ["\(report.path)  \(FrameTime.label(milliseconds: report.durationMs))"]
            if let audio = report.audio {
                lines.append("  audio (\(audio.codec)): \(audio.events.count) impulsive sound\(audio.events.count == 1 ? "" : "s")")
                for event in audio.events {
                    lines.append("    \(FrameTime.label(milliseconds: event.onsetMs))  peak \(event.peakDBFS) dBFS  strength \(event.strength) dB")
                }
            } else {
                lines.append("  audio: none")
            }
            if let video = report.video {
                lines.append("  video (\(video.codec)): \(video.frameCount) frames, \(video.cuts.count) cut\(video.cuts.count == 1 ? "" : "s"), \(video.hashes.count) hashes")
                for cut in video.cuts {
                    lines.append("    cut at \(FrameTime.label(milliseconds: cut.playerMs))  score \((cut.score * 100).rounded() / 100)")
                }
            } else {
                lines.append("  video: none")
            }
            return lines.joined(separator: "\n")
        }
    }
}
