import Foundation
import FootageModel
import MediaAnalysis
import TestSupport
import Testing

/// Audio and video clips made to contain known events.
enum AnalysisFixtures {
    /// Bursts in quiet noise, two of them 150 ms apart, with stereo AAC and no video.
    static let burstOnsets = [1.0, 2.35, 2.5, 4.2]
    static func burstsInNoise() throws -> URL {
        try Fixtures.make("bursts-noise.m4a", [
            "-f", "lavfi", "-i", "aevalsrc=exprs='\(Fixtures.impulseExpression(burstOnsets))|\(Fixtures.impulseExpression(burstOnsets))':s=44100:d=5.5",
            "-c:a", "aac", "-b:a", "160k",
        ])
    }

    /// Bursts over a steady 440 Hz tone at -10 dBFS, as Opus in WebM.
    static let toneOnsets = [0.8, 2.6, 2.75]
    static func burstsOverTone() throws -> URL {
        try Fixtures.make("bursts-tone.webm", [
            "-f", "lavfi", "-i", "aevalsrc=exprs='0.3*sin(2*PI*440*t)+\(Fixtures.impulseExpression(toneOnsets))':s=48000:d=4",
            "-c:a", "libopus", "-b:a", "96k",
        ])
    }

    /// The tone and noise alone: nothing impulsive, as 5.1 PCM in WAV.
    static func toneOnly() throws -> URL {
        try Fixtures.make("tone-only.wav", [
            "-f", "lavfi", "-i", "aevalsrc=exprs='0.3*sin(2*PI*440*t)+0.02*(random(0)*2-1)':s=48000:d=4:channel_layout=5.1",
        ])
    }

    /// Four shots from different lavfi sources, 2 s each: cuts at 2, 4 and 6 s.
    static let cutTimes: [Int64] = [2000, 4000, 6000]
    static func fourShots() throws -> URL {
        try Fixtures.make("four-shots.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2",
            "-f", "lavfi", "-i", "smptebars=s=320x240:r=25:d=2",
            "-f", "lavfi", "-i", "mandelbrot=s=320x240:r=25,trim=duration=2",
            "-f", "lavfi", "-i", "color=c=0x606878:s=320x240:r=25:d=2,noise=alls=25:allf=t+u",
            "-filter_complex", "[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[2:v]format=yuv420p[c];[3:v]format=yuv420p[d];[a][b][c][d]concat=n=4:v=1:a=0[v]",
            "-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
        ])
    }

    /// One continuous shot with a slow fade in and out and camera-like noise: no cuts.
    static func continuousWithFadeAndNoise() throws -> URL {
        try Fixtures.make("continuous-fade-noise.mp4", [
            "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=8",
            "-vf", "fade=t=in:st=0:d=3,fade=t=out:st=5:d=3,noise=alls=20:allf=t+u",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
        ])
    }
}

func expectOnsets(_ events: [AudioEvent], match truth: [Double], _ clip: String) {
    #expect(events.count == truth.count, "\(clip): \(events.map(\.onsetMs)) vs \(truth)")
    for (event, expected) in zip(events, truth) {
        #expect(abs(Double(event.onsetMs) - expected * 1000) <= 20, "\(clip): onset \(event.onsetMs) ms, made at \(expected) s")
    }
}

@Test func findsTheStandInsThreeImpulsesAndNothingElse() throws {
    let report = try ClipAnalyzer.analyze(path: try Fixtures.standIn().path)
    let audio = try #require(report.audio)
    expectOnsets(audio.events, match: Fixtures.standInImpulses, "stand-in")
    for event in audio.events {
        #expect(event.peakDBFS > -12 && event.peakDBFS <= 0.5)
        #expect(event.strength > 15)
    }
    #expect(report.video?.cuts.isEmpty == true)
    #expect(abs(report.durationMs - 9000) <= 40)
}

@Test func findsBurstsInNoiseIncludingTwo150msApart() throws {
    let report = try ClipAnalyzer.analyze(path: try AnalysisFixtures.burstsInNoise().path)
    #expect(report.video == nil)
    expectOnsets(try #require(report.audio).events, match: AnalysisFixtures.burstOnsets, "bursts in noise")
}

@Test func findsBurstsOverASteadyTone() throws {
    let report = try ClipAnalyzer.analyze(path: try AnalysisFixtures.burstsOverTone().path)
    expectOnsets(try #require(report.audio).events, match: AnalysisFixtures.toneOnsets, "bursts over a tone")
}

@Test func findsNoEventInAToneWithNoiseOrInANoAudioClip() throws {
    let tone = try ClipAnalyzer.analyze(path: try AnalysisFixtures.toneOnly().path)
    #expect(try #require(tone.audio).events.isEmpty)
    let silent = try ClipAnalyzer.analyze(path: try Fixtures.standIn(audio: false, name: "standin-noaudio.mp4").path)
    #expect(silent.audio == nil)
    #expect(silent.video != nil)
}

@Test func findsEveryCutBetweenDifferentSourcesWithinOneFrame() throws {
    let report = try ClipAnalyzer.analyze(path: try AnalysisFixtures.fourShots().path)
    let video = try #require(report.video)
    #expect(video.cuts.count == AnalysisFixtures.cutTimes.count, "cuts at \(video.cuts.map(\.playerMs))")
    for (cut, expected) in zip(video.cuts, AnalysisFixtures.cutTimes) {
        #expect(abs(cut.playerMs - expected) <= 40, "cut at \(cut.playerMs) ms, made at \(expected) ms")
    }
}

@Test func findsNoCutInAContinuousShotWithFadesAndNoise() throws {
    let report = try ClipAnalyzer.analyze(path: try AnalysisFixtures.continuousWithFadeAndNoise().path)
    let video = try #require(report.video)
    #expect(video.cuts.isEmpty, "false cuts at \(video.cuts.map(\.playerMs))")
    #expect(video.frameCount == 200)
}

@Test func hashesFourFramesPerSecondThatTellShotsApart() throws {
    let report = try ClipAnalyzer.analyze(path: try AnalysisFixtures.fourShots().path)
    let hashes = try #require(report.video).hashes
    #expect(hashes.count == 32)
    #expect(hashes.map(\.playerMs) == (0..<32).map { Int64($0) * 250 })
    let values = hashes.compactMap(\.value)
    // Within the still bars shot (2–4 s) frames hash alike; across shots they do not.
    #expect(PerceptualHash.distance(values[9], values[14]) <= 6)
    #expect(PerceptualHash.distance(values[4], values[12]) >= 12)
}
