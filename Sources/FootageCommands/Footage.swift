/// The namespace of every `footage` subcommand (`extension Footage { struct Clips }`), shared by
/// the commands here and the media commands of the full tree.
public enum Footage {
    public static let version = "0.1.0"
}
