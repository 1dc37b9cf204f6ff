import ArgumentParser
import Glibc
import LaunchRule

/// Runs a command of `LeanCommand` in this process, and only when the full tree would do exactly
/// the same: help, version, completions and usage errors are left to the full tree, so that their
/// text comes from one place.
public enum LeanLauncher {
    /// Runs `arguments` (without the program name) when they call a lean command and parse
    /// cleanly, and returns true; a failing command leaves with the message and exit code the full
    /// tree gives for it. Returns false, having done nothing, when the full tree must answer.
    public static func run(_ arguments: [String]) async -> Bool {
        guard mayRunHere(arguments), var command = try? LeanRoot.parseAsRoot(arguments) else { return false }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch is CleanExit {
            // A group called without a subcommand asks for its help, which the full tree gives.
            return false
        } catch {
            LeanRoot.exit(withError: error)
        }
        return true
    }

    /// Whether `arguments` name a lean command and ask for nothing only the full tree answers:
    /// the rule `footage` itself decides with, on the words alone.
    public static func mayRunHere(_ arguments: [String]) -> Bool {
        var words = arguments.map { strdup($0).map { UnsafePointer($0) } }
        defer { words.forEach { free(UnsafeMutableRawPointer(mutating: $0)) } }
        return footage_runs_lean(Int32(words.count), &words)
    }
}

/// The root the launcher parses with: the full tree's name and version, lean commands only.
struct LeanRoot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footage",
        version: Footage.version,
        subcommands: LeanCommand.allCases.map(\.type)
    )
}
