import FootageModel
import Foundation
import MediaProbe
import TestSupport
import Testing

/// Probes share nothing across files: many at once on several threads give the same records as
/// one after another.
@Test func concurrentProbesMatchSerialOnes() async throws {
    let paths = try FixtureCatalogue.all.map { try $0.make().path }
    var serial: [String: ProbeRecord] = [:]
    for path in paths { serial[path] = try Prober.probe(path: path) }
    let concurrent = try await withThrowingTaskGroup(of: (String, ProbeRecord).self) { group in
        for _ in 0..<3 {
            for path in paths { group.addTask { (path, try Prober.probe(path: path)) } }
        }
        var results: [(String, ProbeRecord)] = []
        for try await result in group { results.append(result) }
        return results
    }
    #expect(concurrent.count == paths.count * 3)
    for (path, record) in concurrent { #expect(record == serial[path], "\(path)") }
}

/// A picture larger than `maxPixels` is never decoded: the probe still reads the container
/// (headers and parsers give the fields), and the frame listing is refused with a clear error.
@Test func pictureLimitStopsDecoding() throws {
    var limits = ProbeLimits.default
    limits.maxPixels = 64 * 64
    let path = try FixtureCatalogue.h264AACMP4().path
    let record = try Prober.probe(path: path, limits: limits)
    let video = try #require(record.primaryVideoStream)
    #expect(video.width == 320 && video.height == 240)
    #expect(record.tool?.limits.maxPixels == Int64(64 * 64))
    let error = try #require(throws: ProbeError.self) { try Prober.frames(path: path, limits: limits) }
    #expect(error.reason == .limitExceeded)
    #expect(error.message == "picture too large in \(path): stream 0 is 320x240, over the limit of 4096 pixels")
}
