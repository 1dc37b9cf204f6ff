public import FootageModel
import Foundation
import GRDB

/// An analysis as the catalogue holds it: the report and when and by what it was made.
public struct StoredAnalysis: Sendable, Hashable {
    /// The row id, which verdicts cite as the measurement they used.
    public var id: Int64
    public var clipID: Int64
    /// ISO 8601 UTC.
    public var analysedAt: String
    public var toolVersion: String
    public var report: AnalysisReport

    public init(id: Int64, clipID: Int64, analysedAt: String, toolVersion: String, report: AnalysisReport) {
        self.id = id
        self.clipID = clipID
        self.analysedAt = analysedAt
        self.toolVersion = toolVersion
        self.report = report
    }
}

extension Catalogue {
    /// Stores one analysis of a clip with an `analysed` custody event, in one transaction, and
    /// returns its row id. `audio_event_count` is NULL when the clip has no audio stream, so that
    /// "no audio" and "no sounds found" stay apart in queries.
    @discardableResult
    public func storeAnalysis(_ report: AnalysisReport, clipID: Int64) throws(CatalogueError) -> Int64 {
        let json = try Self.reportJSON(report)
        let audioEvents = report.audio.map { $0.events.count }
        let cuts = report.video?.cuts.count ?? 0
        return try write { db in
            try db.execute(sql: """
                INSERT INTO analyses (clip_id, analysed_at, tool_version, audio_event_count, cut_count, report_json)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [clipID, ISOTime.now(), self.identity.toolVersion, audioEvents, cuts, json])
            let id = db.lastInsertedRowID
            let details = try Self.detailsJSON(AnalysedDetails(
                analysis: id, audioEvents: audioEvents, cuts: cuts, hashes: report.video?.hashes.count ?? 0))
            _ = try self.appendEvent(db, action: .analysed, clipID: clipID, details: details)
            return id
        }
    }

    /// The most recent analysis of a clip, or `nil` when it has never been analysed.
    public func latestAnalysis(clipID: Int64) throws(CatalogueError) -> StoredAnalysis? {
        let row: Row? = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM analyses WHERE clip_id = ? ORDER BY id DESC LIMIT 1",
                             arguments: [clipID])
        }
        guard let row else { return nil }
        let text: String = row["report_json"]
        let report: AnalysisReport
        do {
            report = try JSONDecoder().decode(AnalysisReport.self, from: Data(text.utf8))
        } catch {
            throw .database(path: location.databasePath,
                            message: "analysis \(row["id"] as Int64) of clip #\(clipID) cannot be read: \(error)",
                            ioFailure: false)
        }
        return StoredAnalysis(id: row["id"], clipID: row["clip_id"], analysedAt: row["analysed_at"],
                              toolVersion: row["tool_version"], report: report)
    }

    static func reportJSON(_ report: AnalysisReport) throws(CatalogueError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(report), as: UTF8.self)
        } catch {
            throw .database(path: "analysis report", message: "report could not be encoded: \(error)", ioFailure: false)
        }
    }
}

/// What an `analysed` custody event records.
private struct AnalysedDetails: Encodable {
    var analysis: Int64
    /// `nil` (JSON null) when the clip has no audio stream.
    var audioEvents: Int?
    var cuts: Int
    var hashes: Int

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(analysis, forKey: .analysis)
        try container.encode(audioEvents, forKey: .audioEvents)
        try container.encode(cuts, forKey: .cuts)
        try container.encode(hashes, forKey: .hashes)
    }

    enum CodingKeys: String, CodingKey { case analysis, audioEvents, cuts, hashes }
}
