import FootageCommands

/// The worked example's inputs (CASE.md): an article text written for the demo, with the same
/// facts as the kind of report the case describes, and the claims a fact-checker would record
/// after reviewing what `claims extract` proposes.
enum DemoArticle {
    static let url = "https://example.org/demo/desertions-southern-front"
    static let handle = "demo-desertions"
    static let title = "Desertions reported on the southern front (demo text)"
    static let publisher = "Footage demo"
    static let published = "2026-11-20"

    static let text = """
        [Demo text written for Footage's worked example. It paraphrases the kind of report the \
        case notes describe; it is not a published article and quotes no one.]

        Desertions reported on the southern front

        A spokesman for Ukraine's southern command said on Tuesday that nearly 40 Russian \
        soldiers, a whole platoon, had walked away from their trenches with their weapons and \
        were trying to make their way to Crimea. According to the spokesman, Russian units were \
        hunting for them. He also said that 30 soldiers had surrendered over four days. This \
        outlet could not confirm either figure.

        Several videos have circulated. One, from the previous month, shows soldiers complaining \
        angrily that they had been turned into assault troops. Another, from November, appears \
        to show soldiers being beaten, forced to stand in pits for hours and subjected to mock \
        executions.

        This week Ukraine's military released a 9-second clip. It shows three soldiers next to \
        an infantry fighting vehicle: two are lying on the ground and one sits between them. In \
        the sixth second the soldier on the left fires a shot, followed by two shots from the \
        soldier on the right.

        """

    /// The reviewed claims, as a claims file (Schemas/claims.schema.json).
    static let claims = """
        # Reviewed claims for the demo article. the first four are about the 9-second clip and are linked
        # to the stand-in; the others describe no footage held here.
        article: \(handle)
        claims:
          - id: length
            kind: duration
            quote: "a 9-second clip"
            timing: a 9-second clip
            asserted_by: the outlet
          - id: first-shot
            kind: event
            quote: "In the sixth second the soldier on the left fires a shot"
            timing: in the sixth second
            event: shot
            count: 1
            asserted_by: the outlet
          - id: two-shots
            kind: order
            quote: "followed by two shots from the soldier on the right"
            event: shot
            count: 2
            follows: first-shot
            asserted_by: the outlet
          - id: scene
            kind: visual
            quote: "three soldiers next to an infantry fighting vehicle: two are lying on the ground and one sits between them"
            asserted_by: the outlet
          - id: platoon
            kind: no_footage
            quote: "nearly 40 Russian soldiers, a whole platoon, had walked away from their trenches"
            asserted_by: military spokesman
          - id: surrenders
            kind: no_footage
            quote: "30 soldiers had surrendered over four days"
            asserted_by: military spokesman
          - id: video-last-month
            kind: described_footage
            quote: "One, from the previous month, shows soldiers complaining angrily"
            asserted_by: the outlet
          - id: video-november
            kind: described_footage
            quote: "Another, from November, appears to show soldiers being beaten"
            asserted_by: the outlet

        """

    /// The claims about the 9-second clip, linked to the stand-in.
    static let linkedClaims = ["length", "first-shot", "two-shots", "scene"]
}
