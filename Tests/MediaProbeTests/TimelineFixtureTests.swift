import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// The timeline block on fixtures made to contain a known timing.
@Suite struct TimelineFixtureTests {
    static func timeline(_ make: () throws -> URL) throws -> (ProbeRecord, Timeline) {
        let record = try Prober.probe(path: make().path)
        return (record, try #require(record.timeline))
    }

    static let constantRateFixtures = FixtureCatalogue.all.filter {
        ["h264-aac.mp4", "rotated.mov", "hevc.mkv", "vp9-opus.webm", "h264-mp2.ts", "mpeg4-pcm.avi",
         "offset.mp4", "edit-list.mp4", "video-only.mp4"].contains($0.name)
    }

    @Test(arguments: constantRateFixtures)
    func constantRateIsNotFlaggedVariable(_ fixture: FixtureCatalogue.Entry) throws {
        let (_, timeline) = try Self.timeline(fixture.make)
        let video = try #require(timeline.streams.first { $0.codecType == "video" })
        #expect(!video.variableFrameRate)
        #expect(!timeline.warnings.contains { $0.kind == .variableFrameRate })
        let interval = try #require(video.frameInterval)
        // 1/25 s, give or take one tick of a coarse (1/1000) time base.
        #expect(abs(interval.minSeconds - 0.04) <= 0.001 && abs(interval.maxSeconds - 0.04) <= 0.001)
    }

    @Test func variableRateIsFlaggedWithItsIntervals() throws {
        let (_, timeline) = try Self.timeline(FixtureCatalogue.variableFrameRateMP4)
        let video = try #require(timeline.streams.first { $0.codecType == "video" })
        #expect(video.variableFrameRate)
        #expect(timeline.warnings.contains { $0.kind == .variableFrameRate && $0.streamIndex == video.index })
        // Frames 0–9 are 1/25 s apart; after that every fifth frame: 1/5 s.
        let interval = try #require(video.frameInterval)
        #expect(MediaTime(pts: interval.minTicks, timeBase: video.timeBase) == MediaTime(pts: 1, timeBase: Rational(1, 25)).rescaled(to: video.timeBase))
        #expect(abs(interval.maxSeconds - 0.2) < 1e-9)
        // 10 frames, then frames 10, 15, …, 45 of 50.
        #expect(video.frameCount == 10 + 8)
    }

    @Test func firstFrameLastsOneFrameAtTheRateItWasMadeWith() throws {
        let (_, timeline) = try Self.timeline(FixtureCatalogue.h264AACMP4)
        let video = try #require(timeline.streams.first { $0.codecType == "video" })
        let ticks = try #require(video.firstFrameDuration)
        // ticks × num / den == 1/25 exactly.
        #expect(ticks * video.timeBase.numerator * Int64(FixtureCatalogue.frameRate) == video.timeBase.denominator)
        #expect(video.frameCount == 2 * FixtureCatalogue.frameRate)
        #expect(video.keyframeTimes?.first == 0)
    }

    @Test func creationWindowLocationAndRotationOnTheMOV() throws {
        let (record, timeline) = try Self.timeline(FixtureCatalogue.rotatedMOV)
        #expect(timeline.rotation == FixtureCatalogue.rotation)
        #expect(record.primaryVideoStream?.displayMatrixRotation == FixtureCatalogue.rotation)
        let window = try #require(timeline.creationTime)
        #expect(window.written == FixtureCatalogue.creationTime)
        #expect(window.hasZone)
        // The window spans the video's presented duration: 2 s.
        #expect(window.ifStart.end.microsecondsSinceEpoch - window.ifStart.start.microsecondsSinceEpoch == 2_000_000)
        #expect(window.ifEnd.end == window.ifStart.start)
        let location = try #require(timeline.location)
        #expect(location.written == FixtureCatalogue.location)
        #expect(abs(location.latitude - 48.4647) < 1e-9 && abs(location.longitude - 35.0462) < 1e-9)
        #expect(location.altitude == nil)
    }

    @Test func transportStreamStartsAtItsNonZeroStartTime() throws {
        let (record, timeline) = try Self.timeline(FixtureCatalogue.mpegTS)
        let origin = try #require(timeline.playerOrigin)
        let start = try #require(record.format.startTime.flatMap(Double.init))
        #expect(start > 1)
        #expect(abs(origin.seconds - start) < 1e-6)
        let video = try #require(timeline.streams.first { $0.codecType == "video" })
        let videoStart = try #require(record.primaryVideoStream?.startTime.flatMap(Double.init))
        #expect(abs((video.playerStartSeconds ?? -1) - (videoStart - start)) < 1e-6)
    }

    @Test func outputOffsetMovesVideoToItsStart() throws {
        let (record, timeline) = try Self.timeline(FixtureCatalogue.offsetMP4)
        let video = try #require(timeline.streams.first { $0.codecType == "video" })
        #expect(video.firstPresented?.seconds == FixtureCatalogue.outputOffsetSeconds)
        let origin = try #require(timeline.playerOrigin)
        let start = try #require(record.format.startTime.flatMap(Double.init))
        #expect(abs(origin.seconds - start) < 1e-6)
        #expect(abs((video.playerStartSeconds ?? -1) - (FixtureCatalogue.outputOffsetSeconds - start)) < 1e-6)
    }

    @Test func editListDelaysTheVideoAndDropsThePriming() throws {
        let (_, timeline) = try Self.timeline(FixtureCatalogue.editListMP4)
        let video = try #require(timeline.streams.first { $0.codecType == "video" })
        let audio = try #require(timeline.streams.first { $0.codecType == "audio" })
        #expect(video.firstPresented?.seconds == FixtureCatalogue.videoDelaySeconds)
        // The AAC priming packet is flagged discard by the edit list: audio presents from 0.
        #expect(audio.firstPresented?.pts == 0)
        #expect(audio.packetCount == audio.frameCount + 1)
        #expect(timeline.playerOrigin?.pts == 0)
        #expect(video.playerStartSeconds == FixtureCatalogue.videoDelaySeconds)
    }

    @Test func audioOnlyClipsTakeTheOriginFromAudio() throws {
        for make in [FixtureCatalogue.audioOnlyM4A, FixtureCatalogue.audioOnlyWAV] {
            let (_, timeline) = try Self.timeline(make)
            #expect(timeline.playerOrigin?.pts == 0)
            #expect(timeline.streams.count == 1 && timeline.streams[0].codecType == "audio")
            let span = try #require(timeline.durations.first { $0.kind == .playerSpan })
            #expect(abs(span.seconds - 2) < 0.03)
            #expect(timeline.warnings.isEmpty)
        }
    }

    @Test func everyDurationKindIsLabelled() throws {
        let (_, timeline) = try Self.timeline(FixtureCatalogue.h264AACMP4)
        let kinds = Set(timeline.durations.map(\.kind))
        #expect(kinds == [.container, .streamDeclared, .streamPresented, .playerSpan])
        #expect(timeline.durations.allSatisfy { !$0.label.isEmpty })
        let video = try #require(timeline.durations.first { $0.kind == .streamPresented && $0.streamIndex == 0 })
        #expect(video.seconds == 2)
        // An MP4 with a complete sample table is read from its index, without a scan.
        #expect(timeline.source == .containerIndex)
    }

    @Test(arguments: FixtureCatalogue.all + FixtureCatalogue.more)
    func wholeFilesAreNotFlaggedTruncated(_ fixture: FixtureCatalogue.Entry) throws {
        let (_, timeline) = try Self.timeline(fixture.make)
        let alarming: Set<TimelineWarning.Kind> = [.truncated, .readError, .corruptPackets, .scanLimitReached]
        #expect(timeline.warnings.filter { alarming.contains($0.kind) } == [], "\(fixture)")
    }

    @Test func coverArtIsNotPartOfThePresentation() throws {
        let (record, timeline) = try Self.timeline(FixtureCatalogue.mp3WithCoverArt)
        #expect(record.primaryVideoStream == nil)
        #expect(record.streams.contains { $0.disposition["attached_pic"] == 1 })
        let origin = try #require(timeline.playerOrigin)
        #expect(origin.streamIndex == record.primaryAudioStream?.index)
        #expect(!timeline.streams.contains { $0.variableFrameRate })
    }

    @Test func appleKeysGiveTheWindowWithItsZoneAndTheLocationWithAltitude() throws {
        let (_, timeline) = try Self.timeline(FixtureCatalogue.appleMetadataMOV)
        let window = try #require(timeline.creationTime)
        #expect(window.written == FixtureCatalogue.appleCreationDate)
        #expect(window.hasZone && window.utcOffsetSeconds == 7200)
        #expect(window.ifStart.start.iso8601.hasPrefix("2024-03-01T10:00:00"))
        let location = try #require(timeline.location)
        #expect(location.written == FixtureCatalogue.appleLocation)
        #expect(location.altitude == 152.3)
    }

    static let indexedFixtures = FixtureCatalogue.all.filter {
        ["h264-aac.mp4", "rotated.mov", "vfr.mp4", "offset.mp4", "edit-list.mp4", "aac.m4a", "video-only.mp4"].contains($0.name)
    }

    /// The same builder over index packets and over scanned packets gives the same timeline.
    @Test(arguments: indexedFixtures)
    func indexAndScanTimelinesAgree(_ fixture: FixtureCatalogue.Entry) throws {
        let path = try fixture.make().path
        let fromIndex = try #require(try Prober.probe(path: path).timeline)
        var fromScan = try #require(try Prober.probe(path: path, forceScan: true).timeline)
        #expect(fromIndex.source == .containerIndex)
        #expect(fromScan.source == .scan)
        #expect(!fromScan.warnings.contains { $0.kind == .indexDisagreement })
        fromScan.source = .containerIndex
        #expect(fromScan.playerOrigin == fromIndex.playerOrigin)
        #expect(fromScan.streams.map(\.frameCount) == fromIndex.streams.map(\.frameCount))
        #expect(fromScan.streams.map(\.firstPresented) == fromIndex.streams.map(\.firstPresented))
        #expect(fromScan.streams.map(\.lastPresented) == fromIndex.streams.map(\.lastPresented))
        #expect(fromScan.streams.map(\.keyframeTimes) == fromIndex.streams.map(\.keyframeTimes))
        #expect(fromScan.streams.map(\.variableFrameRate) == fromIndex.streams.map(\.variableFrameRate))
        #expect(fromScan.streams.map(\.frameInterval) == fromIndex.streams.map(\.frameInterval))
    }
}
