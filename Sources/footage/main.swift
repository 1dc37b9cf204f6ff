import Dispatch
import FootageCommands
import Glibc

// `footage`: runs the commands that need no media libraries in this process, which never loads
// them, and hands every other command line to the full tree unchanged. The hand-off is decided
// before the concurrency runtime starts, so a media command costs this process one exec and no more.
let arguments = Array(CommandLine.arguments.dropFirst())
guard LeanLauncher.mayRunHere(arguments) else {
    FullTree.run(CommandLine.arguments)
}
Task {
    if await LeanLauncher.run(arguments) { exit(0) }
    FullTree.run(CommandLine.arguments)
}
dispatchMain()
