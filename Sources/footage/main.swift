import FootageCommands

// `footage`: runs the commands that need no media libraries in this process, which never loads
// them, and hands every other command line to the full tree unchanged.
if await !LeanLauncher.run(Array(CommandLine.arguments.dropFirst())) {
    FullTree.run(CommandLine.arguments)
}
