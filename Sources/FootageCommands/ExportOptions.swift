package import ArgumentParser
package import Catalogue
import Exports
import Foundation
import Glibc

/// What `footage export` says of itself, and the subcommands that write documents: shared by the
/// full tree's `export` (which adds `bag`) and the one `footage` parses with.
package enum ExportGroup {
    package static let abstract = "Export clips, claims, verdicts, frames and the custody log in open formats."
    package static let discussion = """
        bag: a BagIt 1.0 folder holding everything, with SHA-256 and SHA-512 manifests. \
        manifest, prov, jsonld: one JSON document each (Footage's manifest, W3C PROV-JSON, \
        schema.org ClaimReview and MediaReview). vtt: a WebVTT track of one clip's claimed moments.
        """
    package static let documentCommands: [any ParsableCommand.Type] = [
        Footage.ExportManifestCommand.self, Footage.ExportProv.self, Footage.ExportJSONLD.self, Footage.ExportVTT.self,
    ]
}

/// `footage export` as `footage` parses it: the document subcommands, without `bag`, which
/// `footage-full` runs.
struct LeanExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: ExportGroup.abstract,
        discussion: ExportGroup.discussion,
        subcommands: ExportGroup.documentCommands
    )
}

/// Which part of the catalogue an export covers, shared by every export subcommand.
package struct ExportScopeOptions: ParsableArguments {
    @OptionGroup var catalogue: CatalogueOptions

    @Option(name: .customLong("clip"), parsing: .upToNextOption,
            help: "Clips to export (any unique prefix of the SHA-256), with the claims linked to them.")
    var clips: [String] = []

    @Option(name: .customLong("article"), parsing: .upToNextOption,
            help: "Articles to export (handle or URL), with their claims and the clips those are linked to.")
    var articles: [String] = []

    @Flag(help: "Export everything in the catalogue (the default when no --clip or --article is given).")
    var all = false

    package init() {}

    /// Opens the catalogue and reads the records in scope; an unknown article exits 66.
    func load() throws -> (catalogue: Catalogue, records: ExportRecords) {
        let opened = try catalogue.open()
        do {
            let ids = try clips.map { (name) throws(CatalogueError) in try opened.resolveClip(name) }
            let scope = ExportScope(clipIDs: ids, articles: articles, everything: all || (clips.isEmpty && articles.isEmpty))
            let records = try opened.exportRecords(scope)
            if let unknown = records.unknownArticles.first {
                Console.err("footage: no article \(unknown) in the catalogue (name one by its handle or URL)")
                throw ExitStatus.noInput
            }
            return (opened, records)
        } catch let error as CatalogueError {
            throw CatalogueFailure.exit(error)
        }
    }
}

/// Where a document export goes: stdout, or a new file with `--out`.
package struct ExportOutputOptions: ParsableArguments {
    @Option(help: "Write to this new file instead of stdout (an existing file is never replaced).")
    var out: String?

    package init() {}

    func emit(_ text: String) throws {
        let body = text.hasSuffix("\n") ? text : text + "\n"
        guard let out else {
            FileHandle.standardOutput.write(Data(body.utf8))
            return
        }
        try NewFile.write(Array(body.utf8), to: out)
    }
}

/// Writes a file that must not exist yet, without following a link, and syncs it.
package enum NewFile {
    package static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            Console.err("footage: cannot create \(path): \(String(cString: strerror(code)).lowercased())")
            throw code == EEXIST ? ExitStatus.usage : (code == ENOENT ? ExitStatus.noInput : ExitStatus.ioError)
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                Console.err("footage: cannot write \(path): \(String(cString: strerror(errno)).lowercased())")
                throw ExitStatus.ioError
            }
            offset += count
        }
        guard fsync(fd) == 0 else {
            Console.err("footage: cannot sync \(path): \(String(cString: strerror(errno)).lowercased())")
            throw ExitStatus.ioError
        }
    }
}
