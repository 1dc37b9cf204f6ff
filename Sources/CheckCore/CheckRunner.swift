public import Catalogue
import FootageModel
import Foundation
import TimingClaims

/// `footage check`: gathers each linked clip's measurements from the catalogue (probe record,
/// stored analysis, people's marks), runs the check engine on every (claim, clip) pair in scope,
/// adds the frame at the claimed moment and the clip's scene cuts, and stores each verdict with a
/// `checked` custody event. A clip never analysed is analysed once by the media work and the
/// analysis stored; a clip whose analysis and frames are stored is neither decoded nor probed
/// again. Every verdict is computed first and all are stored at the end in one transaction, so
/// that a check stopped by missing media work stores nothing.
public struct CheckRunner: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    public func run(_ scope: CheckScope, media: any CheckMediaWork) throws(CheckError) -> CheckReport {
        var groups: [(clipID: Int64, only: String?)] = []
        var unlinked: [StoredClaim] = []
        do {
            switch scope {
            case let .clip(clipID):
                groups = [(clipID, nil)]
            case let .claim(handle):
                let claim = try catalogue.claim(handle: handle)
                let links = try catalogue.links(claim: handle)
                if links.isEmpty { unlinked = [claim] }
                groups = links.map { ($0.clipID, handle) }
            case .everything:
                let worklist = try catalogue.checkWorklist()
                unlinked = worklist.unlinked
                groups = worklist.clipIDs.map { ($0, nil) }
            }
        } catch { throw .catalogue(error) }
        var clips: [ClipCheck] = []
        for group in groups {
            clips.append(try check(clipID: group.clipID, only: group.only, media: media))
        }
        var unlinkedChecks = unlinked.map {
            CheckedClaim(claim: $0.claim, verdict: Self.unlinkedVerdict($0.claim), verdictID: 0)
        }
        var toStore: [VerdictToStore] = []
        for clip in clips {
            toStore += clip.checked.map {
                VerdictToStore(verdict: $0.verdict, claim: $0.verdict.claimId, clipID: clip.clipID, analysisID: clip.analysisID)
            }
        }
        toStore += unlinkedChecks.map {
            VerdictToStore(verdict: $0.verdict, claim: $0.verdict.claimId, clipID: nil, analysisID: nil)
        }
        let ids: [Int64]
        do { ids = try catalogue.storeVerdicts(toStore) } catch { throw .catalogue(error) }
        var next = ids.makeIterator()
        for clip in clips.indices {
            for index in clips[clip].checked.indices { clips[clip].checked[index].verdictID = next.next() ?? 0 }
        }
        for index in unlinkedChecks.indices { unlinkedChecks[index].verdictID = next.next() ?? 0 }
        return CheckReport(clips: clips, unlinked: unlinkedChecks)
    }

    /// Checks the claims linked to one clip (or only `only` among them; the others are still read,
    /// since an order claim counts from the claim it follows).
    private func check(clipID: Int64, only: String?, media: any CheckMediaWork) throws(CheckError) -> ClipCheck {
        let clip: Clip
        let linked: [LinkedClaim]
        let marks: [MarkedEvent]
        do {
            clip = try catalogue.clip(id: clipID)
            linked = try catalogue.linkedClaims(clipID: clipID)
            marks = try catalogue.marks(clipID: clipID).map { MarkedEvent(time: $0.at, label: $0.label) }
        } catch { throw .catalogue(error) }
        let record = Self.probeRecord(of: clip)
        let claims = linked.map(\.claim.claim)
        let needsAnalysis = claims.contains { ![.noFootage, .describedFootage].contains($0.kind) }
        var analysis: StoredAnalysis?
        var analysedNow = false
        var failure: String?
        if needsAnalysis {
            let before: StoredAnalysis?
            do { before = try catalogue.latestAnalysis(clipID: clipID) } catch { throw .catalogue(error) }
            if let before {
                analysis = before
            } else {
                do {
                    analysis = try media.analyse(clipID: clipID, in: catalogue)
                    analysedNow = true
                } catch {
                    switch error {
                    case let .catalogue(inner): throw .catalogue(inner)
                    case let .needsMediaLibraries(what): throw .needsMediaLibraries(what)
                    case let .failed(reason): failure = reason
                    }
                }
            }
        }
        var frames: ClaimedFrames?
        var checked: [CheckedClaim] = []
        var cuts: [ExactSeconds] = []
        for item in linked where only == nil || item.claim.claim.id == only {
            let claim = item.claim.claim
            let measurements = MeasurementGathering.measurements(probe: record, analysis: analysis?.report, marks: marks,
                                                                 offset: item.link.offset)
            cuts = MeasurementGathering.cuts(in: measurements)
            var verdict = CheckEngine.check(claim, among: claims, clip: measurements)
            verdict.clip = clip.digest
            if let failure, [.event, .order, .count].contains(claim.kind),
               verdict.measurement?.source != .marked {
                verdict = Self.unanalysable(verdict, reason: failure)
            }
            if !cuts.isEmpty, ![.noFootage, .describedFootage].contains(claim.kind) {
                verdict.cuts = cuts
                verdict.explanation += "; " + Self.cutNote(cuts)
            }
            if let (time, basis) = ClaimedMoment.moment(for: claim, verdict: verdict, span: measurements.span) {
                do {
                    if frames == nil { frames = try ClaimedFrames(catalogue: catalogue, clipID: clipID, media: media) }
                    verdict.frame = try frames?.frame(at: time, basis: basis)
                } catch {
                    switch error {
                    case let .catalogue(inner): throw .catalogue(inner)
                    case let .needsMediaLibraries(what): throw .needsMediaLibraries(what)
                    case let .failed(reason): verdict.explanation += "; the frame at \(time) s could not be taken: \(reason)"
                    }
                }
            }
            checked.append(CheckedClaim(claim: claim, verdict: verdict, verdictID: 0))
        }
        let audio = analysis?.report.audio.map { $0.events.map { ExactSeconds(milliseconds: $0.onsetMs) } }
        return ClipCheck(clip: clip.digest, clipID: clipID, analysisID: analysis?.id, analysedNow: analysedNow,
                         analysisFailure: failure, audioEvents: audio, cuts: cuts, marks: marks.count, checked: checked)
    }

    /// The stored probe record, read back from its JSON (the clip is not probed again).
    static func probeRecord(of clip: Clip) -> ProbeRecord? {
        guard let text = clip.probe?.recordJSON else { return nil }
        return try? JSONDecoder().decode(ProbeRecord.self, from: Data(text.utf8))
    }

    /// A claim linked to no clip: nothing in the catalogue's footage was compared with it.
    static func unlinkedVerdict(_ claim: Claim) -> Verdict {
        let reason: String
        switch claim.kind {
        case .noFootage:
            reason = "no footage is offered for this claim and no clip is linked to it, so no footage can bear it out or contradict it"
        case .describedFootage:
            reason = "the claim describes footage that is not registered in this catalogue; register the clip (footage register) and link it (footage link \(claim.id) CLIP) to check it"
        default:
            reason = "no clip is linked to this claim, so no footage has been compared with it; footage link \(claim.id) CLIP links one"
        }
        return Verdict(claimId: claim.id, outcome: .unchecked, interval: claim.interval, explanation: reason)
    }

    /// An event, order or count claim whose clip could not be analysed: nothing was detected.
    static func unanalysable(_ verdict: Verdict, reason: String) -> Verdict {
        Verdict(claimId: verdict.claimId, outcome: .inconclusive, interval: verdict.interval, offset: verdict.offset,
                tolerance: verdict.tolerance,
                explanation: "the clip could not be analysed (\(reason)), so no event was detected in it; a person can mark the events (footage mark)")
            .with(clip: verdict.clip)
    }

    static func cutNote(_ cuts: [ExactSeconds]) -> String {
        let times = cuts.map { "\($0) s" }.joined(separator: ", ")
        let noun = cuts.count == 1 ? "a scene cut" : "\(cuts.count) scene cuts"
        return "the detector found \(noun) in this clip (at \(times)): it may be cut together from more than one shot or source, so events on either side of a cut need not be continuous"
    }
}

private extension Verdict {
    func with(clip: SHA256Digest?) -> Verdict {
        var copy = self
        copy.clip = clip
        return copy
    }
}
