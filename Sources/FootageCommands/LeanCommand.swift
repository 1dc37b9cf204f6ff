public import ArgumentParser

/// The subcommands that need no media libraries in their own process, by the name they are
/// called with. `footage-lean` runs these (the C launch rule names the same list, and a test keeps
/// the two equal); the full tree lists the same types, so both parse and run them alike.
public enum LeanCommand: String, CaseIterable, Sendable {
    case probe
    case initialize = "init"
    case register
    case clips
    case show
    case provenance
    case verify
    case article
    case claims
    case link
    case mark
    case unresolved
    case check
    case export

    public var type: any ParsableCommand.Type {
        switch self {
        case .probe: Footage.Probe.self
        case .initialize: Footage.Init.self
        case .register: Footage.Register.self
        case .clips: Footage.Clips.self
        case .show: Footage.Show.self
        case .provenance: Footage.Provenance.self
        case .verify: Footage.Verify.self
        case .article: Footage.Article.self
        case .claims: Footage.Claims.self
        case .link: Footage.Link.self
        case .mark: Footage.Mark.self
        case .unresolved: Footage.Unresolved.self
        case .check: Footage.Check.self
        case .export: LeanExport.self
        }
    }
}
