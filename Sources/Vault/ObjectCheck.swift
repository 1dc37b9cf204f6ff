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
        let shown = SystemCall.display(path)
        let descriptor: Int32
        let size: Int64
        do {
            let status = try SystemCall.lstatus(path)
            size = status.size
            guard status.kind == .regular else {
                return ObjectCheck(state: .unreadable, problem: VaultError.notRegularFile(path: shown, kind: status.kind).description)
            }
            descriptor = try SystemCall.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        } catch {
            if error.errorCode == ENOENT || error.errorCode == ENOTDIR { return ObjectCheck(state: .missing) }
            return ObjectCheck(state: .unreadable, problem: error.description)
        }
        defer { close(descriptor) }
        do {
            let outcome = try HashingReader.run(source: descriptor, sourcePath: shown, sizeHint: size, destination: nil,
                                                destinationPath: "", progress: progress)
            let state: ObjectCheck.State = outcome.digest == expected ? .intact : .changed
            return ObjectCheck(state: state, actualDigest: outcome.digest, actualSize: outcome.bytesRead)
        } catch {
            return ObjectCheck(state: .unreadable, problem: error.description)
        }
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
