public import Foundation

/// Executables built alongside the tests (`swift build --build-tests` builds every product).
public enum BuiltProducts {
    /// The folder holding the test bundle, which is also where SwiftPM puts the products.
    public static let directory: URL = {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        // On some layouts the runner sits inside the bundle (`X.xctest/Contents/MacOS`).
        while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("footage").path) {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    /// The built `footage` executable, which hands each command line to one of the two trees.
    public static var footage: URL { directory.appendingPathComponent("footage") }

    /// The built tree of the commands that need no media library.
    public static var footageLean: URL { directory.appendingPathComponent("footage-lean") }

    /// The built full command tree, which `footage` hands media commands, help and usage errors to.
    public static var footageFull: URL { directory.appendingPathComponent("footage-full") }

    /// The built probe worker, which `footage` starts from the same folder.
    public static var probeWorker: URL { directory.appendingPathComponent("footage-probe-worker") }
}
