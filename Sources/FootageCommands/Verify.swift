import ArgumentParser
import Catalogue
import Exports
import FootageModel
import Foundation

extension Footage {
    /// `footage verify`: re-hashes the vault and in-place clips and checks the custody chain.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Re-reads and re-hashes every stored clip and file, and checks the custody chain.",
            discussion: """
            Reports changed, missing and unreadable files, files in the vault that no clip references \
            (untracked, e.g. left by a crash) and broken links in the custody chain, and records a \
            verify event. --repair removes untracked vault files and temp files, never a referenced one. \
            With --bag DIR, validates a BagIt bag instead (any bag, not only Footage's): the \
            declaration, every manifest path (absolute, .., ~, encoded tricks, twins), that the \
            payload is complete with nothing unlisted, every checksum re-hashed, the Payload-Oxum and \
            the tag manifests; links in the bag are reported, never followed. \
            Exit status: 0 when nothing was found (or all of it was repaired), 1 on any finding, \
            66 when the bag folder is missing.
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Flag(help: "Remove temp files and vault objects that no clip references.")
        var repair = false

        @Flag(help: "Print the report as JSON.")
        var json = false

        @Option(help: "Validate the BagIt bag in this folder instead of the catalogue.")
        var bag: String?

        func validate() throws {
            if bag != nil, repair { throw ValidationError("--repair goes with the catalogue, not with --bag") }
        }

        func run() async throws {
            if let bag { return try BagCheck(path: bag, json: json).run() }
            let location: CatalogueLocation
            do { location = try catalogue.location() } catch { throw CatalogueFailure.exit(error) }
            let progress = ProgressBar(label: "verifying", totalFiles: 0, totalBytes: 0)
            let addBytes: @Sendable (Int64) -> Void = { progress.addBytes($0) }
            let report: VerifyReport
            do {
                report = try await Catalogue.openAndVerify(location, identity: catalogue.identity(), repair: repair,
                                                           progress: progress.enabled ? addBytes : nil)
            } catch {
                progress.finish()
                throw CatalogueFailure.exit(error)
            }
            progress.finish()
            if json {
                try Console.printJSON(report)
            } else {
                for finding in report.findings {
                    let clip = finding.clip.map { " (clip \($0.short))" } ?? ""
                    Console.out("\(finding.kind.rawValue)  \(finding.path)\(clip): \(finding.detail)\(finding.repaired ? " [removed]" : "")")
                }
                Console.err("verified \(report.checkedFiles) files (\(ProgressBar.size(report.checkedBytes))) and \(report.checkedEvents) custody events: "
                            + (report.findings.isEmpty ? "all intact" : "\(report.findings.count) findings, \(report.outstanding.count) outstanding"))
            }
            if !report.outstanding.isEmpty { throw ExitStatus.mismatch }
        }
    }
}
