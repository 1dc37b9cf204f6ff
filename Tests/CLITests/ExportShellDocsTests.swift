import Foundation
import Testing
import TestSupport

/// Shell completions and the man page, both generated from the command definitions.
@Suite("Completions and man page")
struct ExportShellDocsTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptNamesEveryExportCommand(shell: String) throws {
        let run = try FootageRun.run(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(shell): \(run.stderr)")
        // fish names long options without their dashes (`-l 'zip'`).
        let dashes = shell == "fish" ? "" : "--"
        for word in ["export", "bag", "manifest", "prov", "jsonld", "vtt", dashes + "bag", dashes + "zip", dashes + "article"] {
            #expect(run.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
        switch shell {
        case "zsh": #expect(run.stdout.hasPrefix("#compdef footage"))
        case "fish": #expect(run.stdout.contains("complete -c 'footage'") || run.stdout.contains("complete -c footage"))
        default: break
        }
    }

    @Test func bashCompletionParsesAndCompletesExportSubcommands() throws {
        let scratch = try ScratchFolder("completion")
        let script = scratch.path("footage.bash")
        try Data(try FootageRun.run(["--generate-completion-script", "bash"]).stdout.utf8).write(to: URL(fileURLWithPath: script))
        #expect(try ToolRun.run("bash", ["-n", script]).status == 0)
        // Ask the completion function itself what follows `footage export `.
        let probe = """
        source "$1"
        COMP_WORDS=(footage export "")
        COMP_CWORD=2
        COMP_LINE="footage export "
        COMP_POINT=${#COMP_LINE}
        _footage
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let run = try ToolRun.run("bash", ["-c", probe, "bash", script])
        #expect(run.status == 0, "bash: \(run.stderr)")
        let words = Set(run.stdout.split(separator: "\n").map(String.init))
        #expect(words.isSuperset(of: ["bag", "manifest", "prov", "jsonld", "vtt"]), "completed: \(words.sorted())")
    }

    @Test func manPageIsCurrent() throws {
        let committed = try String(contentsOfFile: RepositoryPaths.path("Docs/footage.1"), encoding: .utf8)
        let generated = try ToolRun.run("python3", [RepositoryPaths.path("Scripts/make-manpage"), BuiltProducts.footage.path])
        #expect(generated.status == 0, "make-manpage: \(generated.stderr)")
        #expect(generated.stdout == committed, "Docs/footage.1 is out of date: run Scripts/make-manpage > Docs/footage.1")
        for heading in [".SS footage export bag", ".SS footage export vtt", ".SS footage verify", ".SH EXIT STATUS"] {
            #expect(committed.contains(heading))
        }
        let rendered = try ToolRun.run("man", ["-l", "-Tutf8", RepositoryPaths.path("Docs/footage.1")])
        #expect(rendered.status == 0 && rendered.stderr.isEmpty, "man: \(rendered.stderr)")
    }
}
