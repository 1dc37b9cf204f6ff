#if canImport(Glibc)
import Glibc
#endif

/// One request and its reply over a worker's socket, blocking, bounded by a wall-clock deadline.
///
/// Runs on a thread that may block (never on the Swift concurrency pool). It only moves bytes:
/// killing and reaping is the pool's job, which it does from the outcome.
enum WorkerExchange {
    enum Outcome: Sendable {
        /// One complete line from the worker, without its newline.
        case reply([UInt8])
        /// The deadline passed before a complete line arrived.
        case timedOut
        /// The worker closed its end: it exited or was killed.
        case closed
        /// The worker sent more than `maximumReplyBytes` without a newline, or bytes after it.
        case malformed(String)
        case failed(SystemCallFailure)
    }

    /// Sends `request` (one line, newline included) and reads one line back, giving up at
    /// `deadline` (`CLOCK_MONOTONIC` nanoseconds). Uses `send` with `MSG_NOSIGNAL`, so a dead
    /// worker is an error value and never a SIGPIPE in the parent.
    static func run(socket: Int32, request: [UInt8], deadline: UInt64, maximumReplyBytes: Int) -> Outcome {
        do {
            try sendAll(socket: socket, bytes: request)
        } catch {
            return error.code == EPIPE || error.code == ECONNRESET ? .closed : .failed(error)
        }
        var reply: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let now = SystemCall.monotonicNanoseconds()
            guard now < deadline else { return .timedOut }
            let waitMilliseconds = Int32(min((deadline - now) / 1_000_000 + 1, UInt64(Int32.max)))
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, waitMilliseconds)
            if ready == -1 {
                if errno == EINTR { continue }
                return .failed(SystemCallFailure(function: "poll", code: errno))
            }
            if ready == 0 { continue }
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == -1 {
                if errno == EINTR || errno == EAGAIN { continue }
                if errno == ECONNRESET { return .closed }
                return .failed(SystemCallFailure(function: "recv", code: errno))
            }
            if count == 0 { return .closed }
            let start = reply.count
            reply.append(contentsOf: chunk[0..<count])
            if let newline = reply[start...].firstIndex(of: UInt8(ascii: "\n")) {
                guard newline == reply.count - 1 else {
                    return .malformed("the worker wrote more than one line for one request")
                }
                reply.removeLast()
                return .reply(reply)
            }
            if reply.count > maximumReplyBytes {
                return .malformed("the worker's reply exceeded \(maximumReplyBytes) bytes")
            }
        }
    }

    /// Writes every byte, retrying short writes (`send`).
    static func sendAll(socket: Int32, bytes: [UInt8]) throws(SystemCallFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = try SystemCall.check("send") {
                bytes.withUnsafeBytes { buffer in
                    send(socket, buffer.baseAddress.map { $0 + offset }, buffer.count - offset, Int32(MSG_NOSIGNAL))
                }
            }
            offset += written
        }
    }
}
