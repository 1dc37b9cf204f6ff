/// The worked example's claims (CASE.md), as a reviewed claims file naming the article
/// `deserters`: a duration, an event in "the sixth second" (which has a second reading), an
/// order, a visual claim, a claim with no footage and described footage. Shared by the catalogue
/// and command-line tests.
public enum WorkedExampleClaims {
    public static let yaml = """
        article: deserters
        claims:
          - id: c1
            kind: duration
            quote: "a 9-second clip"
            timing: a 9-second clip
          - id: c2
            kind: event
            quote: "In the sixth second the soldier on the left fires a shot"
            timing: in the sixth second
            event: shot
            count: 1
          - id: c3
            kind: order
            quote: "followed by two shots"
            event: shot
            count: 2
            follows: c2
          - id: c4
            kind: visual
            quote: "Three soldiers beside an infantry fighting vehicle"
          - id: c5
            kind: no_footage
            quote: "nearly 40 soldiers left their trenches"
          - id: c6
            kind: described_footage
            quote: "a video from the previous month"
        """
}
