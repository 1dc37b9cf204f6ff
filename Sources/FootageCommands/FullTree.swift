import Glibc

/// The `footage-full` executable beside this one, which holds every command, the help text and
/// the completions.
package enum FullTree {
    static let executableName = "footage-full"

    /// Replaces this process with `footage-full` (`execv`), passing `arguments` on with only the
    /// program name changed; exits 70 with a message when it cannot be started.
    package static func run(_ arguments: [String]) -> Never {
        let path = besideRunningExecutable()
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments.dropFirst()).map { strdup($0) }
        argv.append(nil)
        execv(path, &argv)
        let code = errno
        let reason = String(cString: strerror(code)).lowercased()
        let message = "footage: cannot run \(path): \(reason) (footage-full must be installed beside footage)\n"
        _ = Array(message.utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        exit(70)
    }

    /// The folder of `/proc/self/exe` (the real file, not a link to it) plus the full tree's name.
    private static func besideRunningExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let running = length > 0
            ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
        guard let slash = running.lastIndex(of: "/") else { return executableName }
        return String(running[...slash]) + executableName
    }
}
