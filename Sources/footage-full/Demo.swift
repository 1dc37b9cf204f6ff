import ArgumentParser
import Catalogue
import FootageCommands
import FootageModel
import Foundation

extension Footage {
    /// `footage demo [DIR]`: the worked example of CASE.md, end to end, in a fresh catalogue.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Runs the worked example end to end in a fresh catalogue: a stand-in clip, a demo article, its claims, analysis, frames and checks.",
            discussion: """
            The clip is synthetic: 9 s of test pattern with quiet noise and three loud impulses \
            standing in for shots at 5.40 s, 6.10 s and 6.55 s (ffmpeg must be on PATH). The \
            article is demo text written for Footage, not a published article. Every step is the \
            ordinary footage command, run against the new catalogue and shown as it prints.
            """
        )

        @Argument(help: "An empty or new folder for the demo (default: a new temporary folder, printed).")
        var directory: String?

        /// The stand-in's impulses (shots), in seconds: the ground truth of the demo.
        static let impulses = ["5.40", "6.10", "6.55"]
        static let frameTimes = "5,5.5,6"

        func run() async throws {
            do {
                try demonstrate()
            } catch let failure as DemoFailure {
                Console.err("footage demo: \(failure.description)")
                throw ExitStatus.internalError
            }
        }

        private func demonstrate() throws {
            let folder = try workFolder()
            Console.out("demo folder: \(folder.path)")
            let clip = folder.appendingPathComponent("standin.mp4")
            let articleFile = folder.appendingPathComponent("article.txt")
            let claimsFile = folder.appendingPathComponent("claims.yaml")
            let step = DemoStep(catalogue: folder.path)

            DemoStep.heading("stand-in clip: 9 s test pattern, shots at \(Self.impulses.joined(separator: ", ")) s")
            try DemoStep.tool("ffmpeg", Self.standInArguments(output: clip.path))
            Console.out(clip.path)

            DemoStep.heading("catalogue")
            try step.run(["init", folder.path])

            DemoStep.heading("register the clip with its source and collector")
            try step.run(["register", clip.path, "--source", "https://example.org/demo/military-release-9s.mp4",
                          "--collected-at", "2026-11-20T09:30:00Z", "--by", "Demo Archivist",
                          "--note", "synthetic stand-in for the 9-second clip the demo article describes"])
            let digest = try clipDigest(folder: folder.path)

            DemoStep.heading("the demo article")
            try write(DemoArticle.text, to: articleFile)
            try step.run(["article", "add", DemoArticle.url, "--id", DemoArticle.handle, "--title", DemoArticle.title,
                          "--publisher", DemoArticle.publisher, "--published", DemoArticle.published,
                          "--text", articleFile.path])

            DemoStep.heading("timing claims proposed from the article text (a draft for review)")
            try step.run(["claims", "extract", articleFile.path, "--article", DemoArticle.handle])

            DemoStep.heading("the reviewed claims, imported")
            try write(DemoArticle.claims, to: claimsFile)
            try step.run(["claims", "import", claimsFile.path])

            DemoStep.heading("link the claims about the 9-second clip to the stand-in")
            for claim in DemoArticle.linkedClaims {
                try step.run(["link", claim, digest])
            }

            DemoStep.heading("analysis: impulsive sounds (the shots), scene cuts")
            try step.run(["analyze", digest])

            DemoStep.heading("frames at \(Self.frameTimes) s and a contact sheet")
            let frames = folder.appendingPathComponent("frames").path
            try step.run(["frames", digest, "--at", Self.frameTimes, "--out", frames])
            try step.run(["frames", digest, "--at", Self.frameTimes, "--sheet", "--out", frames])

            // The table is printed after the provenance, which the check adds to.
            let checked = try step.run(["check"], capture: true, accepting: [0, 1])

            DemoStep.heading("provenance of the clip (footage provenance \(digest.prefix(12)) shows every detail)")
            Console.out(DemoProvenance.text(try provenance(folder: folder.path, digest: digest)))

            DemoStep.heading("claimed vs measured")
            Console.out(checked.hasSuffix("\n") ? String(checked.dropLast()) : checked)

            DemoStep.heading("what still needs work")
            try step.run(["unresolved"])

            // An evidence bag of the whole case is exported here, once `footage export` lands.

            DemoStep.heading("done")
            Console.out("catalogue: \(folder.path)/.footage")
            Console.out("to go on with it: export FOOTAGE_CATALOGUE=\(folder.path)")
        }

        /// The ffmpeg arguments for the stand-in, the same graph as the tests' fixture.
        static func standInArguments(output: String) -> [String] {
            let noise = "0.02*(random(0)*2-1)"
            let bursts = impulses.map { "if(between(t,\($0),\($0)+0.04),0.9*(random(1)*2-1)*exp(-(t-\($0))*70),0)" }
            return ["-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=9",
                    "-f", "lavfi", "-i", "aevalsrc=exprs='\(([noise] + bursts).joined(separator: "+"))':s=48000:d=9",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
                    "-shortest", output]
        }

        /// The folder named, created if missing and refused if it already holds a catalogue;
        /// else a new temporary folder.
        private func workFolder() throws -> URL {
            let manager = FileManager.default
            guard let directory else {
                let base = manager.temporaryDirectory.appendingPathComponent("footage-demo-\(UUID().uuidString.prefix(8).lowercased())")
                try makeFolder(base)
                return base
            }
            let url = URL(fileURLWithPath: directory).standardizedFileURL
            if manager.fileExists(atPath: url.appendingPathComponent(".footage").path) {
                Console.err("footage demo: \(url.path) already holds a catalogue; give a new folder")
                throw ExitStatus.usage
            }
            try makeFolder(url)
            return url
        }

        private func makeFolder(_ url: URL) throws {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                Console.err("footage demo: cannot create \(url.path): \(error.localizedDescription)")
                throw ExitStatus.ioError
            }
        }

        private func write(_ text: String, to url: URL) throws {
            do {
                try Data(text.utf8).write(to: url)
            } catch {
                Console.err("footage demo: cannot write \(url.path): \(error.localizedDescription)")
                throw ExitStatus.ioError
            }
        }

        /// The clip's collection record and custody log, read from the catalogue.
        private func provenance(folder: String, digest: String) throws -> ClipProvenance {
            do {
                let opened = try Catalogue.open(CatalogueLocation.inside(folder),
                                                identity: CustodyIdentity(actor: UserName.current, toolVersion: Footage.version))
                return try opened.provenance(clipID: opened.resolveClip(digest))
            } catch {
                throw CatalogueFailure.exit(error)
            }
        }

        /// The registered stand-in's digest, read back from the catalogue.
        private func clipDigest(folder: String) throws -> String {
            let opened: Catalogue
            do {
                opened = try Catalogue.open(CatalogueLocation.inside(folder),
                                            identity: CustodyIdentity(actor: UserName.current, toolVersion: Footage.version))
                guard let first = try opened.clipSummaries().first else {
                    throw DemoFailure(step: "register", status: nil, detail: "left no clip in the catalogue")
                }
                return first.digest.hex
            } catch let error as CatalogueError {
                throw CatalogueFailure.exit(error)
            }
        }
    }
}
