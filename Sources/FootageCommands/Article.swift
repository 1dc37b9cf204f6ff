import ArgumentParser
import Catalogue
import FootageModel
import Foundation

extension Footage {
    /// `footage article add URL`: records a published article that claims come from.
    struct Article: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "article",
            abstract: "Record the articles that claims are read from.",
            subcommands: [List.self, Add.self],
            defaultSubcommand: List.self
        )
    }
}

extension Footage.Article {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Records an article: its URL, a handle for claims files, who published it, and its text.",
            discussion: """
            The handle is what claims files name in `article:` (default: a short slug made from the URL, \
            made unique). With --text the file's bytes are kept in the vault by their SHA-256, like a clip. \
            Adding the same URL again changes nothing when every detail given matches, and is refused \
            (exit 65) when one differs: articles are kept as first recorded. A missing --text file exits 66.
            """
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Argument(help: "The article's URL.")
        var url: String

        @Option(name: .customLong("id"), help: "The handle claims files use for it (letters, digits, . _ -).")
        var handle: String?

        @Option(help: "The headline.")
        var title: String?

        @Option(help: "Who published it.")
        var publisher: String?

        @Option(help: "When it was published: an ISO 8601 date or date-time.")
        var published: String?

        @Option(help: "Who wrote it.")
        var author: String?

        @Option(help: "A file holding the article's text, kept in the vault.")
        var text: String?

        @Flag(help: "Print the recorded article as JSON.")
        var json = false

        func validate() throws {
            if url.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the URL must not be empty") }
            if let handle, !ArticleHandle.isValid(handle) {
                throw ValidationError("--id \(ClipFileName(handle).escaped) must start with a letter or digit and hold only ASCII letters, digits, \".\", \"_\" and \"-\"")
            }
            if let published, ISOTime.normalise(published) == nil {
                throw ValidationError("--published: " + CatalogueError.invalidTime(published).description)
            }
        }

        func run() async throws {
            let bytes = try text.map { path in Array(try Footage.Claims.Extract.readBytes(path)) }
            let opened = try catalogue.open()
            let outcome: ArticleAddition
            do {
                outcome = try opened.addArticle(NewArticle(url: url, handle: handle, title: title, publisher: publisher,
                                                           published: published, author: author, text: bytes))
            } catch { throw CatalogueFailure.exit(error) }
            let article = outcome.article
            if json {
                try Console.printJSON(article)
            } else {
                Console.out("\(article.handle)  \(ClipFileName(article.url).escaped)"
                            + (article.textDigest.map { "  text \($0.short)" } ?? ""))
            }
            switch outcome {
            case .added:
                Console.err("recorded article \(article.handle); claims files name it with article: \(article.handle)")
            case .unchanged:
                Console.err("article \(article.handle) was already recorded with these details; nothing changed")
            }
        }
    }
}

extension Footage.Article {
    /// `footage article [list] [--json]`: the recorded articles and their handles.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Lists the recorded articles: handle, URL, title, and the first characters of the text's hash."
        )

        @OptionGroup var catalogue: CatalogueOptions

        @Flag(help: "Print a JSON array (Schemas/article.schema.json for each item).")
        var json = false

        func run() async throws {
            let opened = try catalogue.open()
            let articles: [FootageModel.Article]
            do { articles = try opened.articles() } catch { throw CatalogueFailure.exit(error) }
            if json {
                try Console.printJSON(articles)
                return
            }
            if articles.isEmpty {
                Console.err("no articles recorded; footage article add URL records one")
                return
            }
            var table = ColumnTable([.init(title: "HANDLE", minimumWidth: 10), .init(title: "URL", minimumWidth: 24),
                                     .init(title: "TITLE", minimumWidth: 10), .init(title: "TEXT")])
            for article in articles {
                table.add([article.handle, ClipFileName.terminalSafe(article.url),
                           article.title.map(ClipFileName.terminalSafe) ?? "-", article.textDigest?.short ?? "-"])
            }
            Console.out(table.render())
        }
    }
}
