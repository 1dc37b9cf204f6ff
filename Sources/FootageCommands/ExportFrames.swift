import Catalogue
import Exports
import FootageModel
import Foundation

/// The frame on screen at every claimed moment of each exported clip: the frame a check recorded
/// in its verdict, else the start of the claimed interval, and each mark. Frames not recorded by
/// a check come through the media work: a frame stored earlier is reused, a missing one is
/// grabbed and kept in the vault as a derived file of its clip.
struct ExportFrames {
    let catalogue: Catalogue
    let records: ExportRecords
    let media: any ExportMediaWork

    struct Taken {
        var frames: [ExportFrame] = []
        /// Where each frame's bytes are, by its path in the manifest.
        var files: [String: String] = [:]
        /// Moments no frame could be taken for, with the reason (no video, past the end).
        var skipped: [String] = []
    }

    /// Claimed moments of one clip in player milliseconds, earliest first, each once: the start
    /// of each claimed interval (for claims whose check recorded no frame of its own) and each mark.
    static func moments(of clip: SHA256Digest, claims: [ExportClaim], marks: [Mark], framed: Set<String> = []) -> [Int64] {
        var times: Set<Int64> = []
        for claim in claims where claim.clipSHA256s.contains(clip.hex) && !framed.contains(claim.id) {
            if let interval = claim.moment(in: clip.hex) {
                times.insert(ExportTime.milliseconds(interval.start))
            }
        }
        for mark in marks where mark.clip == clip {
            times.insert(ExportTime.milliseconds(ExportTime.mediaTime(mark.at)))
        }
        return times.filter { $0 >= 0 }.sorted()
    }

    /// Takes (or finds already stored) the frame at each claimed moment of each clip. A clip
    /// without a video stream, or a moment past its end, is noted in `skipped`, not an error.
    func take(claims: [ExportClaim]) throws(ExportMediaFailure) -> Taken {
        var taken = Taken()
        // The frame a check took at a claim's moment is the one its verdict names: reuse it.
        var framed: [SHA256Digest: Set<String>] = [:]
        for stored in records.verdicts {
            guard let clip = stored.clip, let frame = stored.verdict.frame else { continue }
            framed[clip, default: []].insert(stored.claim)
            let name = "\(clip.hex.prefix(12))-\(FrameFileName.paddedMs(ExportTime.milliseconds(ExportTime.mediaTime(frame.at))))ms."
                + ExportRecordFiles.fileExtension(frame.mediaType)
            if taken.files[name] != nil { continue }
            taken.frames.append(ExportFrame(clipSHA256: clip.hex, time: MediaTime(pts: frame.playerMs, timeBase: Rational(1, 1000)),
                                            path: name, sha256: frame.digest.hex))
            taken.files[name] = catalogue.objectPath(for: frame.digest)
        }
        for entry in records.clips {
            let digest = entry.clip.digest
            for ms in Self.moments(of: digest, claims: claims, marks: records.marks, framed: framed[digest] ?? []) {
                let stored: StoredFrameFile
                do {
                    stored = try media.frame(clipID: entry.clip.id, atPlayerMs: ms, in: catalogue)
                } catch {
                    guard case let .noFrame(reason, noVideo) = error else { throw error }
                    taken.skipped.append("\(digest.short): no frame at \(FrameTime.label(milliseconds: ms)): \(reason)")
                    if noVideo { break } else { continue }
                }
                guard let shown = stored.frames.first else { continue }
                let start = ExactSeconds(MediaTime(pts: shown.pts, timeBase: shown.timeBase)) ?? .zero
                let origin = ExactSeconds(stored.origin) ?? .zero
                let name = "\(digest.hex.prefix(12))-\(FrameFileName.paddedMs(ms))ms.\(stored.key.format)"
                if taken.files[name] != nil { continue }
                taken.frames.append(ExportFrame(clipSHA256: digest.hex, time: ExportTime.mediaTime(start - origin), path: name,
                                                sha256: stored.digest.hex))
                taken.files[name] = stored.objectPath
            }
        }
        taken.frames.sort { ($0.clipSHA256, $0.time) < ($1.clipSHA256, $1.time) }
        return taken
    }
}
