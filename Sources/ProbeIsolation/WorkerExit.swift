#if canImport(Glibc)
import Glibc
#endif

/// How a worker process ended, decoded from a `waitpid` status.
public enum WorkerExit: Sendable, Hashable, CustomStringConvertible {
    case exited(code: Int32)
    case signalled(signal: Int32)

    /// Decodes a raw `waitpid` status (the `WIFSIGNALED`/`WTERMSIG`/`WEXITSTATUS` macros cannot be
    /// imported into Swift, so their bit layout is spelled out here).
    package init(waitStatus status: Int32) {
        let signal = status & 0x7F
        if signal == 0 {
            self = .exited(code: (status >> 8) & 0xFF)
        } else {
            self = .signalled(signal: signal)
        }
    }

    public var description: String {
        switch self {
        case .exited(let code): "exited with status \(code)"
        case .signalled(let signal): "killed by \(Self.signalName(signal))"
        }
    }

    /// The conventional name of a signal (`SIGSEGV`), or its number when it has none here.
    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: "SIGSEGV (segmentation fault)"
        case SIGBUS: "SIGBUS (bus error)"
        case SIGABRT: "SIGABRT (abort)"
        case SIGILL: "SIGILL (illegal instruction)"
        case SIGFPE: "SIGFPE (arithmetic exception)"
        case SIGKILL: "SIGKILL"
        case SIGTERM: "SIGTERM"
        case SIGXCPU: "SIGXCPU (cpu time limit)"
        case SIGXFSZ: "SIGXFSZ (file size limit)"
        case SIGTRAP: "SIGTRAP (runtime trap)"
        case SIGPIPE: "SIGPIPE"
        case SIGINT: "SIGINT"
        default: "signal \(signal)"
        }
    }
}
