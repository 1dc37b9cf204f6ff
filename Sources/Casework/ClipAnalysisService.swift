public import Catalogue
import FootageModel
public import MediaAnalysis

/// The analysis of a registered clip: the stored one when there is one, otherwise one made now in
/// a single decoding pass, stored with an `analysed` custody event and returned.
public struct ClipAnalysisService: Sendable {
    public let catalogue: Catalogue
    public var options: ClipAnalyzer.Options

    public init(catalogue: Catalogue, options: ClipAnalyzer.Options = ClipAnalyzer.Options()) {
        self.catalogue = catalogue
        self.options = options
    }

    /// The latest stored analysis of the clip, analysing and storing it first if there is none.
    public func analysis(clipID: Int64) throws(CaseworkError) -> StoredAnalysis {
        let stored: StoredAnalysis?
        do { stored = try catalogue.latestAnalysis(clipID: clipID) } catch { throw .catalogue(error) }
        if let stored { return stored }
        return try analyseAgain(clipID: clipID)
    }

    /// Analyses the clip now and stores the result beside any earlier analysis (which stays).
    public func analyseAgain(clipID: Int64) throws(CaseworkError) -> StoredAnalysis {
        let clip = try ClipMedia.clip(clipID, in: catalogue)
        let path = try ClipMedia.path(of: clip, in: catalogue)
        let report: AnalysisReport
        do { report = try ClipAnalyzer.analyze(path: path, options: options) } catch { throw .analysis(error) }
        do throws(CatalogueError) {
            try catalogue.storeAnalysis(report, clipID: clipID)
            guard let stored = try catalogue.latestAnalysis(clipID: clipID) else {
                throw CatalogueError.database(path: catalogue.location.databasePath,
                                              message: "the analysis of clip #\(clipID) was not found after storing it",
                                              ioFailure: false)
            }
            return stored
        } catch { throw .catalogue(error) }
    }
}
