import Foundation

/// schema.org `MediaReview`s: one per clip, with the clip as a `VideoObject` (its SHA-256, its
/// duration as a viewer sees it, and a `Clip` part for every claimed interval linked to it).
public struct MediaReviewBuilder: Sendable {
    public var context: ReviewContext

    /// The categories schema.org defines for `mediaAuthenticityCategory`.
    public static let categories: Set<String> = [
        "OriginalMediaContent", "DecontextualizedContent", "EditedOrCroppedContent",
        "TransformedContent", "StagedContent", "AuthenticContent",
    ]

    public init(context: ReviewContext) {
        self.context = context
    }

    public func reviews(clips: [ExportClip], claims: [ExportClaim]) throws(ExportError) -> [JSONValue] {
        var result: [JSONValue] = []
        for clip in clips {
            if let category = clip.authenticityCategory, !Self.categories.contains(category) {
                throw .unrepresentable(what: "media review of \(clip.fileName)",
                                       reason: "\(category) is not a schema.org media authenticity category")
            }
            let video = try videoObject(clip, claims: claims.filter { $0.clipSHA256s.contains(clip.sha256) })
            result.append(.record([
                "@type": .string("MediaReview"),
                "@id": .string("\(context.pageURL)#clip-\(clip.sha256)"),
                "url": .string("\(context.pageURL)#clip-\(clip.sha256)"),
                "mediaAuthenticityCategory": clip.authenticityCategory.map { .string("https://schema.org/\($0)") },
                "itemReviewed": .record([
                    "@type": .string("MediaReviewItem"),
                    "mediaItemAppearance": .array([video]),
                ]),
                "author": context.authorJSON,
                "datePublished": .string(ExportTime.day(context.published)),
            ]))
        }
        return result
    }

    /// Where the clip can be fetched; a clip only in the bag is named by its path there.
    static func contentURL(_ clip: ExportClip) -> String {
        clip.contentURL ?? "clips/" + (clip.fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? clip.sha256)
    }

    func videoObject(_ clip: ExportClip, claims: [ExportClaim]) throws(ExportError) -> JSONValue {
        let url = Self.contentURL(clip)
        var parts: [JSONValue] = []
        for claim in claims {
            guard let interval = claim.moment(in: clip.sha256) else { continue }
            parts.append(.record([
                "@type": .string("Clip"),
                "name": .string(claim.summary),
                "startOffset": .decimal(ExportTime.decimalSeconds(interval.start)),
                "endOffset": .decimal(ExportTime.decimalSeconds(interval.end)),
                "url": .string(url + ExportTime.mediaFragment(start: interval.start, end: interval.end)),
            ]))
        }
        let duration: JSONValue? = try clip.probe?.playerDuration.map { (time) throws(ExportError) in
            .string(try ExportTime.isoDuration(time))
        }
        return .record([
            "@type": .string("VideoObject"),
            "name": .string(clip.fileName),
            "contentUrl": .string(url),
            "sha256": .string(clip.sha256),
            "contentSize": .string("\(clip.size) bytes"),
            "duration": duration,
            "uploadDate": clip.uploadDate.map { .string(ExportTime.dateTime($0)) },
            "isBasedOn": clip.sourceURL.map(JSONValue.string),
            "hasPart": parts.isEmpty ? nil : .array(parts),
        ])
    }
}
