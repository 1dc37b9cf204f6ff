import FootageModel
import Testing

/// The timeline builder on packets written by hand, as an index reader or a scan would hand them.
@Suite struct TimelineBuilderTests {
    static let millisecond = Rational(1, 1000)

    static func video(_ times: [Int64], duration: Int64 = 40, timeBase: Rational = millisecond) -> TimelineInput {
        let packets = times.enumerated().map { index, pts in
            PacketRecord(streamIndex: 0, pts: pts, dts: pts, duration: duration, size: 100, position: Int64(index * 100),
                         isKeyframe: index == 0)
        }
        return TimelineInput(source: .containerIndex,
                             streams: [.init(index: 0, codecType: "video", timeBase: timeBase, declaredDuration: nil)],
                             containerStartMicroseconds: 0, containerDurationMicroseconds: nil, rotation: nil,
                             packets: packets)
    }

    @Test func oneTickJitterInACoarseTimeBaseIsConstantRate() {
        // 29.97 fps in milliseconds: 33, 34, 33, 34 …
        let times = (0..<30).map { Int64((Double($0) * 1001 / 30).rounded()) }
        let stream = TimelineBuilder.build(Self.video(times, duration: 33)).streams[0]
        #expect(!stream.variableFrameRate)
        #expect(stream.frameInterval?.minTicks == 33 && stream.frameInterval?.maxTicks == 34)
    }

    @Test func unevenIntervalsAreVariableRate() {
        let stream = TimelineBuilder.build(Self.video([0, 33, 66, 100, 150, 183], duration: 33)).streams[0]
        #expect(stream.variableFrameRate)
        #expect(stream.frameInterval?.maxTicks == 50)
    }

    @Test func holesInPresentationAreListedAsGaps() {
        let timeline = TimelineBuilder.build(Self.video([0, 40, 80, 500, 540]))
        let gaps = timeline.streams[0].gaps
        #expect(gaps == [TimestampGap(kind: .gap, from: 120, to: 500, timeBase: Self.millisecond)])
        #expect(timeline.warnings.contains { $0.kind == .timestampGap })
    }

    @Test func decodeTimestampsGoingBackwardsAreADiscontinuity() {
        var input = Self.video([0, 40, 80])
        input.packets.append(PacketRecord(streamIndex: 0, pts: 20, dts: 20, duration: 40, size: 1, position: nil, isKeyframe: true))
        let timeline = TimelineBuilder.build(input)
        #expect(timeline.streams[0].gaps.contains { $0.kind == .backwards && $0.from == 80 && $0.to == 20 })
        #expect(timeline.warnings.contains { $0.kind == .discontinuity })
    }

    @Test func discardedPacketsAreCountedButNotPresented() {
        var input = Self.video([40, 80, 120])
        input.packets.insert(PacketRecord(streamIndex: 0, pts: 0, dts: 0, duration: 40, size: 1, position: nil,
                                          isKeyframe: true, isDiscarded: true), at: 0)
        let stream = TimelineBuilder.build(input).streams[0]
        #expect(stream.packetCount == 4 && stream.frameCount == 3)
        #expect(stream.firstPresented?.pts == 40)
    }

    @Test func presentedDurationIncludesTheLastFrame() throws {
        let timeline = TimelineBuilder.build(Self.video([1000, 1040, 1080]))
        let presented = try #require(timeline.durations.first { $0.kind == .streamPresented })
        #expect(presented.ticks == 120)
        #expect(timeline.playerOrigin?.pts == 1000)
        #expect(timeline.streams[0].playerStartSeconds == 0)
    }

    @Test func packetsWithoutTimestampsAreReported() {
        var input = Self.video([0, 40])
        input.packets.append(PacketRecord(streamIndex: 0, pts: nil, dts: nil, duration: 0, size: 1, position: nil, isKeyframe: false))
        let timeline = TimelineBuilder.build(input)
        #expect(timeline.warnings.contains { $0.kind == .missingTimestamps })
        #expect(timeline.streams[0].frameCount == 2)
    }

    @Test func creationTimeWithoutAZoneKeepsBothReadings() throws {
        var input = Self.video(Array(stride(from: 0, to: 9000, by: 40)))
        input.tags = ["creation_time": "2024-03-01T10:00:00", "location": "-33.8688+151.2093/"]
        let timeline = TimelineBuilder.build(input)
        let window = try #require(timeline.creationTime)
        #expect(!window.hasZone)
        #expect(window.ifStart.end.microsecondsSinceEpoch - window.ifStart.start.microsecondsSinceEpoch == 9_000_000)
        #expect(timeline.location?.latitude == -33.8688)
    }
}
