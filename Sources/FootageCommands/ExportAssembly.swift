import Catalogue
import Exports
import FootageModel
import Foundation

/// Turns what the catalogue holds into the export values: clips with their probe summaries,
/// analyses and marks, articles, claims, verdicts and the custody log. Pure mapping; frames are
/// added by `ExportFrames`.
struct ExportAssembly {
    let records: ExportRecords

    func manifest(frames: [ExportFrame], tools: [ExportToolVersion], generatedAt: Date = Date()) -> ExportManifest {
        ExportManifest(generatedAt: generatedAt, tools: tools, clips: clips(), articles: articles(),
                       claims: claims(), verdicts: verdicts(), frames: frames, custody: custody())
    }

    /// Footage and the libav libraries it reads media with (`libraryVersions` by library name).
    static func tools(libraryVersions: [String: String]) -> [ExportToolVersion] {
        [ExportToolVersion(name: "footage", version: Footage.version)]
            + ["libavformat", "libavcodec", "libavutil"].map { ExportToolVersion(name: $0, version: libraryVersions[$0] ?? "") }
    }

    /// The name a clip is stored under in a bag: its first registered name, or its digest
    /// when that name is not valid UTF-8 or is empty.
    static func fileName(_ entry: ExportRecords.ClipEntry) -> String {
        let name = entry.clip.collection.originalName.utf8String ?? ""
        return name.isEmpty || name == "." || name == ".." ? entry.clip.digest.hex : name
    }

    func clips() -> [ExportClip] {
        records.clips.map { entry in
            let digest = entry.clip.digest
            return ExportClip(
                sha256: digest.hex, fileName: Self.fileName(entry), size: entry.clip.size,
                sourceURL: entry.clip.collection.sourceURL, collectedAt: Self.date(entry.clip.collection.collectedAt),
                collectedBy: entry.clip.collection.collector,
                probe: entry.clip.probe?.recordJSON.flatMap(Self.probeSummary),
                analysis: analysis(of: digest))
        }
    }

    /// Durations and streams from a stored probe record; `nil` when the record cannot be read.
    static func probeSummary(_ json: String) -> ExportProbeSummary? {
        guard let record = try? JSONDecoder().decode(ProbeRecord.self, from: Data(json.utf8)) else { return nil }
        let types = Dictionary(record.streams.map { ($0.index, $0.codecType ?? "unknown") }, uniquingKeysWith: { first, _ in first })
        var durations: [ExportDuration] = []
        for duration in record.timeline?.durations ?? [] {
            let type = duration.streamIndex.flatMap { types[$0] } ?? "unknown"
            let kind = switch duration.kind {
            case .container: "container"
            case .streamDeclared: "\(type)-stream"
            case .streamPresented: type == "video" ? "presented-frames" : "\(type)-presented"
            case .playerSpan: "player-span"
            }
            if durations.contains(where: { $0.kind == kind }) { continue }
            durations.append(ExportDuration(kind: kind, value: MediaTime(pts: duration.ticks, timeBase: duration.timeBase)))
        }
        let known: Set<String> = ["video", "audio", "subtitle", "data", "attachment"]
        let streams = record.streams.map { stream in
            let type = stream.codecType.flatMap { known.contains($0) ? $0 : nil } ?? "unknown"
            return ExportStream(index: stream.index, type: type, codec: stream.codecName ?? "unknown",
                                width: stream.width, height: stream.height,
                                averageFrameRate: type == "video" && stream.avgFrameRate.numerator != 0 ? stream.avgFrameRate : nil,
                                sampleRate: stream.sampleRate.flatMap { Int($0) }, channels: stream.channels)
        }
        return ExportProbeSummary(formatName: record.format.formatName, durations: durations, streams: streams)
    }

    /// Detections from the clip's latest analysis and the marks people made, in player time.
    func analysis(of digest: SHA256Digest) -> ExportAnalysisSummary? {
        let report = records.analyses.first { $0.clipDigest == digest }
            .flatMap { try? JSONDecoder().decode(AnalysisReport.self, from: Data($0.reportJSON.utf8)) }
        let marks = records.marks.filter { $0.clip == digest }
        if report == nil && marks.isEmpty { return nil }
        let millisecond = Rational(1, 1000)
        var detections: [ExportDetection] = []
        for event in report?.audio?.events ?? [] {
            detections.append(ExportDetection(kind: "audio-onset", time: MediaTime(pts: event.onsetMs, timeBase: millisecond),
                                              strength: Self.decimal(event.strength)))
        }
        for cut in report?.video?.cuts ?? [] {
            detections.append(ExportDetection(kind: "scene-cut", time: MediaTime(pts: cut.playerMs, timeBase: millisecond),
                                              strength: Self.decimal(cut.score)))
        }
        detections.sort { $0.time < $1.time }
        return ExportAnalysisSummary(detections: detections, marks: marks.map { mark in
            ExportMark(time: ExportTime.mediaTime(mark.at), label: mark.label, markedBy: mark.markedBy,
                       markedAt: Self.date(mark.markedAt) ?? Date(timeIntervalSince1970: 0))
        })
    }

    func articles() -> [ExportArticle] {
        records.articles.map { article in
            ExportArticle(url: article.url, title: article.title, publisher: article.publisher, author: article.author,
                          published: article.published.flatMap(Self.date))
        }
    }

    func claims() -> [ExportClaim] {
        records.claims.map { entry in
            let claim = entry.stored.claim
            let article = records.articles.first { $0.handle == (entry.stored.article ?? claim.articleId) }
            var offsets: [String: ExactSeconds] = [:]
            for link in entry.links { offsets[link.clip.hex] = link.offset }
            return ExportClaim(claim, articleURL: article?.url ?? "", claimant: article?.author ?? article?.publisher,
                               clipOffsets: offsets)
        }
    }

    /// The current verdict of each claim on each clip; verdicts about no clip (claims no
    /// footage can settle) are listed with their claim in `claims.json`, not here.
    func verdicts() -> [ExportVerdict] {
        records.verdicts.compactMap { entry in
            guard let clip = entry.clip else { return nil }
            var verdict = entry.verdict
            verdict.claimId = entry.claim
            return ExportVerdict(verdict, clipSHA256: clip.hex, checkedAt: Self.date(entry.checkedAt) ?? Date(timeIntervalSince1970: 0))
        }
    }

    func custody() -> [ExportEvent] {
        records.custody.map { entry in
            let event = entry.event
            return ExportEvent(sequence: Int(event.id), at: Self.date(event.occurredAt) ?? Date(timeIntervalSince1970: 0),
                               actor: event.actor, action: event.action.rawValue, subject: entry.clipDigest?.hex ?? "",
                               toolVersion: event.toolVersion, details: event.details, hash: entry.chainDigest.hex,
                               previousHash: event.previousDigest == .zero ? nil : event.previousDigest.hex)
        }
    }

    /// An ISO 8601 instant as stored (with or without fractional seconds), or a calendar date.
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }

    /// A detector's score as decimal text to two places (JSON-safe, no exponent).
    static func decimal(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        let hundredths = Int64((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
