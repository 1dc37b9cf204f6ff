import Foundation
import FootageModel
import Testing
@testable import TimingClaims

/// The folder of hand-written claims inputs beside the test sources.
enum ClaimsFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/claims")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

private func slice(_ text: String, _ source: ClaimSource) -> String {
    let units = Array(text.utf16)
    return String(decoding: units[source.start..<source.end], as: UTF16.self)
}

@Suite struct ClaimExtractorTests {
    @Test func theArticleYieldsExactlyItsThreeTimingClaims() throws {
        let text = try ClaimsFixtures.text("deserters-article.txt")
        let claims = ClaimExtractor.extract(from: text, article: "deserters")
        #expect(claims.count == 3, "\(claims.map { $0.source?.text ?? "" })")
        guard claims.count == 3 else { return }

        #expect(claims[0].kind == .duration)
        #expect(claims[0].timing == "a 9-second clip")
        #expect(claims[0].source?.rule == "duration_half_unit")
        #expect(claims[0].source?.readsAs == "[8.5, 9.5)")
        #expect(claims[0].source?.start == 720)
        #expect(claims[0].source?.end == 735)

        #expect(claims[1].kind == .event)
        #expect(claims[1].timing == "In the sixth second")
        #expect(claims[1].event == "shot")
        #expect(claims[1].count == 1)
        #expect(claims[1].source?.readsAs == "[5, 6)")
        #expect(claims[1].source?.start == 848)
        #expect(claims[1].source?.end == 867)

        #expect(claims[2].kind == .order)
        #expect(claims[2].count == 2)
        #expect(claims[2].event == "shot")
        #expect(claims[2].follows == claims[1].id)
        #expect(claims[2].source?.text == "followed by two shots")

        for claim in claims {
            let source = try #require(claim.source)
            #expect(slice(text, source) == source.text)
            #expect(source.offsetUnit == "utf16")
            #expect(source.sentence.contains(source.text))
            #expect(claim.article == "deserters")
        }
        let found = claims.compactMap { $0.source?.text.lowercased() }.joined(separator: " | ")
        for wrong in ["four days", "month", "hours", "40", "week"] {
            #expect(!found.contains(wrong), "\(found)")
        }
    }

    /// Prose with timings of every kind, and lengths that are not about footage.
    static let mixedProse = """
    The recording lasts 1 min 20 s and was filmed from a balcony. At 0:12 a tank crosses the road. \
    At about 0:45 an explosion is heard, then a second. Between 0:50 and 0:58 the camera pans across the field.

    The convoy had been on a ten-minute drive from the village. Residents said the shelling went on for hours \
    and lasted three days; the siege lasted 2 months. Police arrived after twenty minutes.

    Two minutes into the video, three more shots ring out. A second video, nearly 40 seconds long, \
    shows the aftermath, and the 21st second of that video shows smoke. The camera operator says he waited for \
    forty-five minutes before filming.
    """

    @Test func mixedProseIsReadWithoutNonFootageLengths() throws {
        let text = Self.mixedProse
        let claims = ClaimExtractor.extract(from: text)
        let summary = claims.map { "\($0.kind.rawValue):\($0.source?.text ?? "")" }
        let expected = [
            "duration:lasts 1 min 20 s",
            "visual:At 0:12",
            "event:At about 0:45",
            "order:then a second",
            "visual:Between 0:50 and 0:58",
            "visual:Two minutes into the video",
            "order:three more shots",
            "duration:nearly 40 seconds long",
            "visual:the 21st second",
        ]
        let wronglyFound = summary.filter { !expected.contains($0) }
        let missed = expected.filter { !summary.contains($0) }
        #expect(wronglyFound.isEmpty, "wrongly found: \(wronglyFound)")
        #expect(missed.isEmpty, "missed: \(missed)")
        for claim in claims {
            let source = try #require(claim.source)
            #expect(slice(text, source) == source.text)
        }
        let explosion = try #require(claims.first { $0.kind == .event })
        #expect(explosion.event == "explosion")
        let then = try #require(claims.first { $0.source?.text == "then a second" })
        #expect(then.follows == explosion.id)
        #expect(then.event == "explosion")
        #expect(claims.first { $0.source?.text == "nearly 40 seconds long" }?.source?.rule == "approximate_widened")
        #expect(claims.first { $0.source?.text == "the 21st second" }?.source?.readsAs == "[20, 21)")
    }

    @Test func offsetsCountUTF16UnitsPastEmojiAndAccents() throws {
        let text = "Café 🎥 report — the vidéo 📹 is a 12-second clip."
        let claims = ClaimExtractor.extract(from: text)
        let source = try #require(claims.first?.source)
        #expect(source.text == "a 12-second clip")
        #expect(slice(text, source) == "a 12-second clip")
        let found = try #require(text.range(of: "a 12-second clip"))
        let prefix = String(text[..<found.lowerBound])
        #expect(source.start == prefix.utf16.count)
    }

    @Test(arguments: [
        "They surrendered over four days.", "It was a ten-minute drive.", "They stood in holes for hours.",
        "The previous month was quiet.", "Nearly 40 soldiers left.", "The talks lasted two hours, a video shows.",
        "At 9:30 the column moved.",
    ])
    func lengthsAndTimesNotAboutFootageAreNotClaims(text: String) {
        #expect(ClaimExtractor.extract(from: text).isEmpty)
    }
}
