import Foundation
import Synchronization

/// A one-line progress bar on stderr (files, bytes, rate, time left), drawn only when stderr is
/// a terminal and at most ten times a second. Safe to update from many tasks at once.
final class ProgressBar: Sendable {
    private struct State {
        var files = 0
        var bytes: Int64 = 0
        var lastDrawn: Double = 0
    }

    private let label: String
    private let totalFiles: Int
    private let totalBytes: Int64
    private let started = Date()
    private let state = Mutex(State())
    let enabled: Bool

    init(label: String, totalFiles: Int, totalBytes: Int64) {
        self.label = label
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        enabled = Console.stderrIsTerminal
    }

    func addBytes(_ count: Int64) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.bytes += count
            return takeLine(&state, force: false)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func fileDone() {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.files += 1
            return takeLine(&state, force: state.files == totalFiles)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the line so that messages after it start clean.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func takeLine(_ state: inout State, force: Bool) -> String? {
        let elapsed = Date().timeIntervalSince(started)
        guard force || elapsed - state.lastDrawn >= 0.1 else { return nil }
        state.lastDrawn = elapsed
        let rate = elapsed > 0 ? Double(state.bytes) / elapsed : 0
        let remaining = rate > 0 ? Double(max(0, totalBytes - state.bytes)) / rate : 0
        return "\r\u{1B}[K\(label) \(state.files)/\(totalFiles) files  \(Self.size(state.bytes))/\(Self.size(totalBytes))  "
            + "\(Self.size(Int64(rate)))/s  ETA \(Int(remaining.rounded()))s"
    }

    static func size(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var divisor: Int64 = 1
        var unit = 0
        while unit < units.count - 1 && bytes / divisor >= 1024 {
            divisor *= 1024
            unit += 1
        }
        guard unit > 0 else { return "\(bytes) B" }
        // Tenths of the unit, rounded half to even as `%.1f` rounds the exact quotient, in
        // integers: no `String(format:)`, whose first use costs a process about a millisecond.
        let tenths: Int64
        let scaled = bytes.multipliedReportingOverflow(by: 10)
        if scaled.overflow {
            tenths = Int64((Double(bytes) / Double(divisor) * 10).rounded(.toNearestOrEven))
        } else {
            let (quotient, remainder) = scaled.partialValue.quotientAndRemainder(dividingBy: divisor)
            tenths = quotient + (2 * remainder > divisor || (2 * remainder == divisor && quotient % 2 == 1) ? 1 : 0)
        }
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
