import Catalogue
import Exports
import FootageModel
import Foundation
import MediaAnalysis

/// The frame on screen at every claimed moment of each exported clip (the start of each claimed
/// interval, and each mark), as PNG. Each image is kept in the vault as a derived file of its
/// clip, so an export taken again finds the same bytes and records nothing new.
struct ExportFrames {
    let catalogue: Catalogue
    let records: ExportRecords

    struct Taken {
        var frames: [ExportFrame] = []
        /// Where each frame's bytes are, by its path in the manifest.
        var files: [String: String] = [:]
        /// Moments no frame could be taken for, with the reason (no video, past the end).
        var skipped: [String] = []
    }

    /// Claimed moments of one clip in player milliseconds, earliest first, each once.
    static func moments(of clip: SHA256Digest, claims: [ExportClaim], marks: [ExportRecords.MarkEntry]) -> [Int64] {
        var times: Set<Int64> = []
        for claim in claims where claim.clipSHA256s.contains(clip.hex) {
            if let interval = claim.interval(in: clip.hex), claim.kind != "duration" {
                times.insert(ExportTime.milliseconds(interval.start))
            }
        }
        for mark in marks where mark.clipDigest == clip {
            times.insert(ExportTime.milliseconds(ExportTime.mediaTime(mark.at)))
        }
        return times.filter { $0 >= 0 }.sorted()
    }

    func take(claims: [ExportClaim]) throws -> Taken {
        var taken = Taken()
        for entry in records.clips {
            let digest = entry.clip.digest
            let times = Self.moments(of: digest, claims: claims, marks: records.marks)
            if times.isEmpty { continue }
            let grabber: FrameGrabber
            do {
                grabber = try FrameGrabber(path: entry.bytesPath)
            } catch {
                taken.skipped.append("\(digest.short): no frames taken: \(error.description)")
                continue
            }
            let origin = ExactSeconds(grabber.origin) ?? .zero
            for ms in times {
                let result = Result { () throws(AnalysisError) in try grabber.frame(atPlayerMs: ms) }
                if case .failure(let error) = result, error.reason == .outOfRange {
                    taken.skipped.append("\(digest.short): no frame at \(FrameTime.label(milliseconds: ms)): \(error.description)")
                    continue
                }
                let frame = try result.get()
                let name = "\(digest.hex.prefix(12))-\(OutputFiles.paddedMs(ms))ms.png"
                let bytes = try ImageEncoder.encode(frame.image.rotated(clockwiseDegrees: grabber.rotationDegrees), as: .png, path: name)
                let stored = try catalogue.storeDerivedFile(bytes, clipID: entry.clip.id, kind: "frame", mediaType: "image/png")
                let shown = (ExactSeconds(frame.time) ?? origin) - origin
                taken.frames.append(ExportFrame(clipSHA256: digest.hex, time: ExportTime.mediaTime(shown), path: name,
                                                sha256: stored.hex))
                taken.files[name] = catalogue.objectPath(for: stored)
            }
        }
        return taken
    }
}
