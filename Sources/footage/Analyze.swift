import ArgumentParser
import FootageModel
import MediaAnalysis

extension Footage {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure clips in one decoding pass each: impulsive sounds, scene cuts and frame hashes.",
            discussion: """
            Times are player times (0 is the first presented frame). Audio events give the onset, \
            the peak level in dBFS and the strength (dB above the noise floor); cuts give the first \
            frame of the new shot and a score; hashes are 64-bit perceptual hashes, four per second.
            """
        )

        @Argument(help: "Clip files.")
        var clips: [String]

        @Flag(help: "Print the measurements as JSON on stdout (an array, one report per clip).")
        var json = false

        func validate() throws {
            if clips.isEmpty { throw ValidationError("give at least one clip") }
        }

        func run() throws {
            var reports: [AnalysisReport] = []
            var worst: Int32 = 0
            for clip in clips {
                do {
                    let report = try ClipAnalyzer.analyze(path: clip)
                    reports.append(report)
                    if !json { Console.out(Self.text(for: report)) }
                } catch {
                    Console.err("footage analyze: \(error.description)")
                    worst = max(worst, AnalysisExit.status(for: error))
                }
            }
            if json { try Console.printJSON(reports) }
            if worst != 0 { throw ExitCode(worst) }
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
