import ArgumentParser
import Foundation
import FootageModel
import MediaAnalysis

extension Footage {
    struct Frames: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the frames on screen at player times as PNG or JPEG images, or one contact sheet.",
            discussion: """
            The frame at time T is the last frame presented at or before T; player time 0 is the \
            first presented frame. Times: 6, 5.5, 0:05.500 or 00:00:05.500. Images are named by \
            the frame's own presentation time in milliseconds, e.g. frame-005480ms.png.
            """
        )

        @Argument(help: "The clip file.")
        var clip: String

        @Option(help: "Player times, comma-separated (e.g. 5.4,6.1,0:06.55).")
        var at: String?

        @Option(help: "One frame every this many seconds from 0 to the end.")
        var every: String?

        @Flag(help: "Every keyframe.")
        var keyframes = false

        @Option(help: "Every frame within --window of this time.")
        var around: String?

        @Option(help: "Half-width of the --around window in seconds (default 0.5).")
        var window: String?

        @Flag(help: "Write one contact sheet with each frame's time under it instead of one image per frame.")
        var sheet = false

        @Option(help: "Image format: png or jpg.")
        var format: String = "png"

        private var imageFormat: ImageFormat { ImageFormat(rawValue: format == "jpeg" ? "jpg" : format) ?? .png }

        @Option(help: "Folder to write images to (created if missing).")
        var out: String = "."

        @Option(help: "Scale images to this width in pixels (a sheet defaults to 320).")
        var width: Int?

        @Flag(help: "Take the keyframe at or before each time instead of the exact frame (fast thumbnails).")
        var nearestKeyframe = false

        @Flag(help: "List the frames as JSON on stdout (pts, time base, index, key flag, picture type, SHA-256 of the rgb24 pixels).")
        var json = false

        @Flag(help: "Do not apply the rotation recorded in the display matrix.")
        var noRotate = false

        func validate() throws {
            let modes = [at != nil, every != nil, keyframes, around != nil].filter { $0 }.count
            guard ImageFormat(rawValue: format == "jpeg" ? "jpg" : format) != nil else {
                throw ValidationError("--format must be png or jpg")
            }
            guard modes == 1 else { throw ValidationError("give exactly one of --at, --every, --keyframes or --around") }
            if window != nil, around == nil { throw ValidationError("--window goes with --around") }
            if let width, width < 16 || width > 8192 { throw ValidationError("--width must be between 16 and 8192") }
            if nearestKeyframe, at == nil, every == nil { throw ValidationError("--nearest-keyframe goes with --at or --every") }
            do {
                if let at { _ = try FrameTime.millisecondsList(at) }
                if let every, try FrameTime.milliseconds(every) <= 0 { throw ValidationError("--every must be above 0") }
                if let around { _ = try FrameTime.milliseconds(around) }
                if let window { _ = try FrameTime.milliseconds(window) }
            } catch let error as FrameTime.ParseError {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            do {
                try extract()
            } catch let error as AnalysisError {
                Console.err("footage frames: \(error.description)")
                throw ExitCode(AnalysisExit.status(for: error))
            }
        }

        private func extract() throws {
            let thumbnailWidth = width ?? (sheet ? 320 : nil)
            let grabber = try FrameGrabber(path: clip, options: .init(width: thumbnailWidth, hashPixels: json))
            let taken = try take(from: grabber)
            let rotation = noRotate ? 0 : grabber.rotationDegrees
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try OutputFiles.makeFolder(folder)
            var records: [FrameRecord] = []
            var sheetPath: String?
            var written: Set<Int64> = []
            for (requested, frame) in taken {
                var file: String?
                if !sheet {
                    let name = "frame-\(OutputFiles.paddedMs(frame.playerMs))ms.\(imageFormat.fileExtension)"
                    let url = folder.appendingPathComponent(name)
                    if written.insert(frame.time.pts).inserted {
                        try OutputFiles.write(try ImageEncoder.encode(frame.image.rotated(clockwiseDegrees: rotation), as: imageFormat, path: url.path), to: url)
                        if !json { Console.out(url.path) }
                    }
                    file = url.path
                }
                if json {
                    records.append(FrameRecord(
                        requestedMs: requested, pts: frame.time.pts, timeBase: frame.time.timeBase,
                        playerMs: frame.playerMs, seconds: Double(frame.playerMs) / 1000,
                        index: try grabber.frameIndex(of: frame), isKeyframe: frame.isKeyframe,
                        pictureType: frame.pictureType, rgbSHA256: frame.rgbSHA256 ?? "", file: file))
                }
            }
            if sheet {
                let composed = ContactSheet().compose(taken.map { (image: $0.frame.image.rotated(clockwiseDegrees: rotation),
                                                                  label: FrameTime.label(milliseconds: $0.frame.playerMs)) })
                let url = folder.appendingPathComponent("sheet.\(imageFormat.fileExtension)")
                try OutputFiles.write(try ImageEncoder.encode(composed, as: imageFormat, path: url.path), to: url)
                sheetPath = url.path
                if !json { Console.out(url.path) }
            }
            if json {
                try Console.printJSON(FrameSet(path: clip, origin: grabber.origin, rotationApplied: rotation,
                                               frames: records, sheet: sheetPath))
            }
        }

        /// The frames asked for, each with the player time it was asked for.
        private func take(from grabber: FrameGrabber) throws -> [(requested: Int64, frame: GrabbedFrame)] {
            if let at {
                let times = try FrameTime.millisecondsList(at)
                if nearestKeyframe {
                    return try times.map { ($0, try grabber.keyframe(atOrBeforePlayerMs: $0)) }
                }
                return zip(times, try grabber.frames(atPlayerMs: times)).map { ($0, $1) }
            }
            if let every {
                let step = try FrameTime.milliseconds(every)
                let times = Array(stride(from: Int64(0), through: try grabber.lastFramePlayerMs(), by: Int(step)))
                if nearestKeyframe {
                    return try times.map { ($0, try grabber.keyframe(atOrBeforePlayerMs: $0)) }
                }
                return zip(times, try grabber.frames(atPlayerMs: times)).map { ($0, $1) }
            }
            if keyframes {
                return try grabber.keyframePTS().map { pts in
                    let frame = try grabber.frame(atPTS: pts)
                    return (frame.playerMs, frame)
                }
            }
            let centre = try FrameTime.milliseconds(around ?? "0")
            let half = try FrameTime.milliseconds(window ?? "0.5")
            return try grabber.frames(fromPlayerMs: centre - half, throughPlayerMs: centre + half).map { ($0.playerMs, $0) }
        }
    }
}

/// Where frame images go, and how their names carry the frame's time.
enum OutputFiles {
    /// Milliseconds padded to six digits so that names sort by time: `005480`.
    static func paddedMs(_ ms: Int64) -> String {
        let digits = String(ms)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }

    static func makeFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AnalysisError(.output, path: folder.path, detail: "cannot create the output folder",
                                cause: error.localizedDescription)
        }
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw AnalysisError(.output, path: url.path, detail: "cannot write the image", cause: error.localizedDescription)
        }
    }
}

/// The exit status for each analysis failure.
enum AnalysisExit {
    static func status(for error: AnalysisError) -> Int32 {
        switch error.reason {
        case .missing: ExitStatus.noInput.rawValue
        case .unreadable, .noStream, .codec: ExitStatus.badData.rawValue
        case .outOfRange: ExitStatus.usage.rawValue
        case .output: ExitStatus.ioError.rawValue
        }
    }
}
