import Dispatch
import FootageCommands
import Glibc

// `footage-lean`: runs the commands that need no media libraries in this process, which never
// loads them. `footage` starts it only for such command lines; any other (when it is run by hand)
// goes to the full tree unchanged, decided before the concurrency runtime starts.
let arguments = Array(CommandLine.arguments.dropFirst())
guard LeanLauncher.mayRunHere(arguments) else {
    FullTree.run(CommandLine.arguments)
}
Task {
    if await LeanLauncher.run(arguments) { exit(0) }
    FullTree.run(CommandLine.arguments)
}
dispatchMain()
