import Exports
import FootageModel
import Foundation
import Testing

@Suite("schema.org JSON-LD writer")
struct SchemaOrgTests {
    static let day = Date(timeIntervalSince1970: 1_795_000_000)
    static let context = ReviewContext(reviewer: "Footage test desk", pageURL: "https://example.org/review/standin", published: day)
    static let sha = String(repeating: "ab", count: 32)
    static let millis = Rational(1, 1000)

    static let clip = ExportClip(
        sha256: sha, fileName: "stand in.mp4", size: 812_345, sourceURL: "https://example.org/post/1",
        uploadDate: day, authenticityCategory: "OriginalMediaContent",
        probe: ExportProbeSummary(formatName: "mov,mp4,m4a,3gp,3g2,mj2",
                                  durations: [ExportDuration(kind: "container", value: MediaTime(pts: 9_040, timeBase: millis))],
                                  streams: [ExportStream(index: 0, type: "video", codec: "h264", width: 320, height: 240)]))
    static let article = ExportArticle(url: "https://example.org/news/deserters", title: "Soldiers leave their posts",
                                       publisher: "Example News", author: "A. Reporter", published: day)
    static let claims = [
        ExportClaim(id: "c1", quote: "a 9-second clip", summary: "The clip is 9 seconds long", kind: "duration",
                    articleURL: article.url, clipSHA256s: [sha]),
        ExportClaim(id: "c2", quote: "in the sixth second the soldier on the left fires a shot",
                    summary: "A shot is fired in the sixth second", kind: "event", articleURL: article.url,
                    claimant: "a military spokesman",
                    interval: ExportInterval(start: MediaTime(pts: 5000, timeBase: millis), end: MediaTime(pts: 6000, timeBase: millis), rule: "ordinal-second"),
                    count: 1, clipSHA256s: [sha]),
        ExportClaim(id: "c3", quote: "nearly 40 soldiers left", summary: "About 40 soldiers left", kind: "no-footage",
                    articleURL: article.url),
    ]
    static let verdicts = [
        ExportVerdict(claimID: "c1", clipSHA256: sha, outcome: .consistent, measurement: "duration:container",
                      measured: "9.04 s", explanation: "9.04 s lies in [8.5, 9.5)", checkedAt: day),
        ExportVerdict(claimID: "c2", clipSHA256: sha, outcome: .inconclusive, measurement: "audio-onsets",
                      explanation: "no person has marked the shots", checkedAt: day),
        ExportVerdict(claimID: "c3", clipSHA256: sha, outcome: .unchecked, measurement: "none",
                      explanation: "no clip linked", checkedAt: day),
    ]

    static func document() throws -> JSONValue {
        try SchemaOrgDocument.json(context: context, clips: [clip], claims: claims, verdicts: verdicts, articles: [article])
    }

    @Test func shapeFollowsClaimReviewAndMediaReview() throws {
        let json = try Self.document()
        guard case .array(let graph)? = json["@graph"] else {
            Issue.record("no @graph")
            return
        }
        // c3 was never checked against footage, so it gets no review.
        #expect(graph.map { $0["@type"] } == [.string("ClaimReview"), .string("ClaimReview"), .string("MediaReview")])
        let first = graph[0]
        #expect(first["claimReviewed"] == .string("The clip is 9 seconds long"))
        #expect(first["reviewRating"]?["alternateName"] == .string("footage consistent with the claimed timing"))
        #expect(first["reviewRating"]?["ratingValue"] == .integer(3))
        #expect(first["itemReviewed"]?["appearance"]?["url"] == .string("https://example.org/news/deserters"))
        #expect(first["itemReviewed"]?["datePublished"] == .string("2026-11-18"))
        #expect(graph[1]["reviewRating"]?["ratingValue"] == .integer(2))
        #expect(graph[1]["itemReviewed"]?["author"]?["name"] == .string("a military spokesman"))

        guard case .array(let videos)? = graph[2]["itemReviewed"]?["mediaItemAppearance"] else {
            Issue.record("no video")
            return
        }
        let video = videos[0]
        #expect(video["duration"] == .string("PT9.04S"))
        #expect(video["sha256"] == .string(Self.sha))
        #expect(video["contentUrl"] == .string("clips/stand%20in.mp4"))
        #expect(video["hasPart"] == .array([.record([
            "@type": .string("Clip"),
            "name": .string("A shot is fired in the sixth second"),
            "startOffset": .decimal("5"),
            "endOffset": .decimal("6"),
            "url": .string("clips/stand%20in.mp4#t=5,6"),
        ])]))
    }

    @Test func expandsOfflineWithPyLD() throws {
        let scratch = try ScratchFolder()
        let contextPath = try scratch.write("schemaorg-context.jsonld", """
        {"@context": {"@vocab": "http://schema.org/", "schema": "http://schema.org/",
                      "contentUrl": {"@id": "schema:contentUrl", "@type": "@id"},
                      "url": {"@id": "schema:url", "@type": "@id"}}}
        """)
        let documentPath = try scratch.write("reviews.jsonld", JSONWriter.render(try Self.document()))
        let program = """
        import json, sys
        from pyld import jsonld
        context_path, document_path = sys.argv[1], sys.argv[2]
        def loader(url, options=None):
            if url.rstrip('/') not in ('https://schema.org', 'http://schema.org'):
                raise RuntimeError('unexpected remote document ' + url)
            with open(context_path) as f:
                return {'contextUrl': None, 'documentUrl': url, 'document': json.load(f)}
        jsonld.set_document_loader(loader)
        with open(document_path) as f:
            expanded = jsonld.expand(json.load(f))
        keys, types = set(), set()
        def walk(node):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k == '@type':
                        types.update(v if isinstance(v, list) else [v])
                    else:
                        keys.add(k)
                    walk(v)
            elif isinstance(node, list):
                for item in node:
                    walk(item)
        walk(expanded)
        print(json.dumps({'keys': sorted(keys), 'types': sorted(types)}))
        """
        let result = try Command.python(program, [contextPath, documentPath])
        #expect(result.status == 0, "pyld: \(result.errors)")
        struct Expanded: Decodable {
            var keys: [String]
            var types: [String]
        }
        let expanded = try JSONDecoder().decode(Expanded.self, from: Data(result.output.utf8))
        let schema = "http://schema.org/"
        for key in ["reviewRating", "claimReviewed", "itemReviewed", "ratingValue", "bestRating", "worstRating",
                    "alternateName", "appearance", "author", "datePublished", "mediaAuthenticityCategory",
                    "mediaItemAppearance", "contentUrl", "sha256", "duration", "uploadDate", "hasPart",
                    "startOffset", "endOffset", "url"] {
            #expect(expanded.keys.contains(schema + key), "missing \(key)")
        }
        for type in ["ClaimReview", "Rating", "Claim", "NewsArticle", "MediaReview", "MediaReviewItem", "VideoObject", "Clip"] {
            #expect(expanded.types.contains(schema + type), "missing type \(type)")
        }
    }

    @Test func combinedOutcomeNeverOverclaims() {
        #expect(ClaimReviewBuilder.combined([.consistent, .inconsistent]) == .inconsistent)
        #expect(ClaimReviewBuilder.combined([.consistent, .consistent]) == .consistent)
        #expect(ClaimReviewBuilder.combined([.consistent, .inconclusive]) == .inconclusive)
        #expect(ClaimReviewBuilder.combined([.unchecked]) == nil)
    }

    @Test func refusesAnUnknownAuthenticityCategory() {
        var clip = Self.clip
        clip.authenticityCategory = "TotallyReal"
        #expect(throws: ExportError.self) {
            try MediaReviewBuilder(context: Self.context).reviews(clips: [clip], claims: [])
        }
    }
}
