public import FootageModel
import Glibc

/// What re-reading one stored file found.
public struct ObjectCheck: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        /// Present and hashing to its recorded digest.
        case intact
        /// Present but its bytes differ (a flipped bit, a truncation, an append).
        case changed
        /// Not there at all.
        case missing
        /// There but could not be read (permissions, I/O error, not a regular file).
        case unreadable
    }

    public var state: State
    public var actualDigest: SHA256Digest?
    public var actualSize: Int64?
    /// Why the file could not be read, for `unreadable`.
    public var problem: String?

    public init(state: State, actualDigest: SHA256Digest? = nil, actualSize: Int64? = nil, problem: String? = nil) {
        self.state = state
        self.actualDigest = actualDigest
        self.actualSize = actualSize
        self.problem = problem
    }
}

extension Vault {
    /// Re-hashes the object stored for `digest`.
    public func checkObject(_ digest: SHA256Digest) -> ObjectCheck {
        Self.checkFile(Array(objectPath(for: digest).utf8), expected: digest)
    }

    /// Re-hashes any file (an object or an in-place clip) against the digest recorded for it.
    public static func checkFile(_ path: [UInt8], expected: SHA256Digest,
                                 progress: (@Sendable (Int64) -> Void)? = nil) -> ObjectCheck {
        checkFile(path, expected: expected, buffer: nil, progress: progress)
    }

    /// The same with a read buffer the caller keeps for many files. The file's kind is checked
    /// with `lstat` before it is opened, so that a device put in its place is never opened; the
    /// path is turned into text only for a finding.
    static func checkFile(_ path: [UInt8], expected: SHA256Digest, buffer: ReadBuffer?,
                          progress: (@Sendable (Int64) -> Void)?) -> ObjectCheck {
        let descriptor: Int32
        let size: Int64
        do {
            let status = try SystemCall.lstatus(path)
            size = status.size
            guard status.kind == .regular else {
                return ObjectCheck(state: .unreadable,
                                   problem: VaultError.notRegularFile(path: SystemCall.display(path), kind: status.kind).description)
            }
            descriptor = try SystemCall.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        } catch {
            if error.errorCode == ENOENT || error.errorCode == ENOTDIR { return ObjectCheck(state: .missing) }
            return ObjectCheck(state: .unreadable, problem: error.description)
        }
        defer { close(descriptor) }
        return hash(descriptor, size: size, shown: SystemCall.display(path), expected: expected, buffer: buffer, progress: progress)
    }

    /// Hashes an open regular file and compares the digest with `expected`.
    static func hash(_ descriptor: Int32, size: Int64, shown: @autoclosure () -> String, expected: SHA256Digest,
                     buffer: ReadBuffer?, progress: (@Sendable (Int64) -> Void)?) -> ObjectCheck {
        let outcome: HashingReader.Outcome
        do {
            outcome = try HashingReader.run(source: descriptor, sourcePath: shown(), sizeHint: size, buffer: buffer,
                                            destination: nil, destinationPath: "", progress: progress)
        } catch {
            return ObjectCheck(state: .unreadable, problem: error.description)
        }
        if outcome.stream.finishMatches(expected) {
            return ObjectCheck(state: .intact, actualDigest: expected, actualSize: outcome.bytesRead)
        }
        return ObjectCheck(state: .changed, actualDigest: outcome.stream.finish(), actualSize: outcome.bytesRead)
    }

    /// Hashes a whole file without copying it (for `--in-place` re-checks and tests).
    public static func digest(ofFile path: [UInt8]) throws(VaultError) -> SHA256Digest {
        let descriptor = try SystemCall.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        defer { close(descriptor) }
        let size = try SystemCall.fstatus(descriptor, SystemCall.display(path)).size
        return try HashingReader.run(source: descriptor, sourcePath: SystemCall.display(path), sizeHint: size, destination: nil,
                                     destinationPath: "").digest
    }
}
