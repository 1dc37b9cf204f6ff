import ArgumentParser
import Casework
import Catalogue
import FootageCommands
import Foundation
import Glibc
import FootageModel
import MediaAnalysis
import ProbeIsolation

extension Footage {
    struct Frames: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "frames",
            abstract: "Write the frames on screen at player times as PNG or JPEG images, or one contact sheet.",
            discussion: """
            The frame at time T is the last frame presented at or before T; player time 0 is the \
            first presented frame. Times: 6, 5.5, 0:05.500 or 00:00:05.500. Images are named by \
            the frame's own presentation time in milliseconds, e.g. frame-005480ms.png. A registered \
            clip (named by a prefix of its SHA-256) keeps its frames and sheets in the vault with a \
            custody event each; asking again reuses them.
            """
        )

        @Argument(help: "A clip file, or a registered clip named by a prefix of its SHA-256.")
        var clip: String

        @OptionGroup var catalogue: CatalogueOptions

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
            let argument = try ClipArgument.Resolver(catalogue).resolve(clip, command: "frames")
            do {
                switch argument {
                case let .file(path): try extract(path: path)
                case let .clip(id, catalogue): try extract(clipID: id, catalogue: catalogue)
                }
            } catch let error as AnalysisError {
                Console.err("footage frames: \(error.description)")
                throw ExitCode(AnalysisExit.status(for: error))
            } catch let error as CaseworkError {
                Console.err("footage frames: \(error.description)")
                throw CaseworkExit.status(for: error)
            }
        }

        /// The frames asked for, as a selection in player milliseconds.
        private func selection() throws -> FrameSelection {
            if let at {
                let times = try FrameTime.millisecondsList(at)
                return nearestKeyframe ? .keyframeAtOrBefore(times) : .at(times)
            }
            if let every {
                let step = try FrameTime.milliseconds(every)
                return nearestKeyframe ? .keyframeEvery(step) : .every(step)
            }
            if keyframes { return .keyframes }
            return .around(centreMs: try FrameTime.milliseconds(around ?? "0"),
                           halfWidthMs: try FrameTime.milliseconds(window ?? "0.5"))
        }

        private var thumbnailWidth: Int? { width ?? (sheet ? 320 : nil) }

        private func imageName(_ playerMs: Int64) -> String {
            "frame-\(FrameFileName.paddedMs(playerMs))ms.\(imageFormat.fileExtension)"
        }

        /// A file path: decode, encode and write; nothing is stored.
        private func extract(path: String) throws {
            let grabber = try FrameGrabber(path: path, options: .init(width: thumbnailWidth, hashPixels: json))
            let taken = try grabber.take(try selection())
            let rotation = noRotate ? 0 : grabber.rotationDegrees
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try OutputFiles.makeFolder(folder)
            var records: [FrameRecord] = []
            var sheetPath: String?
            var written: Set<Int64> = []
            for frame in taken {
                var file: String?
                if !sheet {
                    let url = folder.appendingPathComponent(imageName(frame.frame.playerMs))
                    if written.insert(frame.frame.time.pts).inserted {
                        let image = frame.frame.image.rotated(clockwiseDegrees: rotation)
                        try OutputFiles.write(try ImageEncoder.encode(image, as: imageFormat, path: url.path), to: url)
                        if !json { Console.out(url.path) }
                    }
                    file = url.path
                }
                if json { records.append(try grabber.record(of: frame, file: file)) }
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
                try Console.printJSON(FrameSet(path: path, origin: grabber.origin, rotationApplied: rotation,
                                               frames: records, sheet: sheetPath))
            }
        }

        /// A registered clip: frames and sheets are derived files, stored once in the vault and
        /// reused; the requested images are copied to `--out` as well.
        private func extract(clipID: Int64, catalogue: Catalogue) throws {
            let service = ClipFrameService(catalogue: catalogue)
            let rendering = FrameRendering(format: imageFormat, width: thumbnailWidth, applyRotation: !noRotate)
            let selection = try selection()
            let clipPath = try catalogue.clip(id: clipID).digest.hex
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try OutputFiles.makeFolder(folder)
            if sheet {
                let stored = try service.sheet(clipID: clipID, selection: selection, rendering: rendering)
                let url = folder.appendingPathComponent("sheet.\(imageFormat.fileExtension)")
                try OutputFiles.copy(stored.objectPath, to: url)
                if json {
                    try Console.printJSON(FrameSet(path: clipPath, origin: stored.origin, rotationApplied: stored.rotationApplied,
                                                   frames: stored.frames, sheet: url.path))
                } else {
                    Console.out(url.path)
                }
                return
            }
            let stored = try service.frames(clipID: clipID, selection: selection, rendering: rendering)
            var records: [FrameRecord] = []
            var written: Set<String> = []
            for file in stored {
                guard var record = file.frames.first else { continue }
                let url = folder.appendingPathComponent(imageName(record.playerMs))
                if written.insert(url.path).inserted {
                    try OutputFiles.copy(file.objectPath, to: url)
                    if !json { Console.out(url.path) }
                }
                record.file = url.path
                records.append(record)
            }
            if json {
                let origin = stored.first?.origin ?? MediaTime(pts: 0, timeBase: Rational(1, 1))
                try Console.printJSON(FrameSet(path: clipPath, origin: origin,
                                               rotationApplied: stored.first?.rotationApplied ?? 0,
                                               frames: records, sheet: nil))
            }
        }
    }
}

/// Where frame images go, and how their names carry the frame's time.
enum OutputFiles {
    static func makeFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AnalysisError(.output, path: folder.path, detail: "cannot create the output folder",
                                cause: error.localizedDescription)
        }
    }

    /// Copies a stored vault object out (the copy is writable, the object stays read-only).
    static func copy(_ objectPath: String, to url: URL) throws {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: objectPath))
        } catch {
            throw AnalysisError(.missing, path: objectPath, detail: "cannot read the stored image",
                                cause: error.localizedDescription)
        }
        try write([UInt8](bytes), to: url)
    }

    /// Writes an image the user asked for. Not synced: it is a copy made for reading (the
    /// frames of registered clips are kept, and synced, in the vault).
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let path = url.path
        do throws(SystemCallFailure) {
            let descriptor = try SystemCall.check("open") { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
            defer { close(descriptor) }
            var offset = 0
            while offset < bytes.count {
                offset += try SystemCall.check("write") {
                    bytes.withUnsafeBytes { buffer in
                        buffer.baseAddress.map { Glibc.write(descriptor, $0 + offset, buffer.count - offset) } ?? -1
                    }
                }
            }
        } catch {
            throw AnalysisError(.output, path: path, detail: "cannot write the image", cause: error.description.lowercased())
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
