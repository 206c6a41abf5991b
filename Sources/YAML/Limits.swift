/// Bounds on what one YAML file may cost, so that a hostile or broken file is rejected with a
/// clean diagnostic instead of exhausting memory, time or the stack.
///
/// Every limit is fatal: when one is crossed, loading stops and `YAMLDocument.root` is nil.
/// The command line exposes each one as an option (`--max-file-bytes`, `--max-depth`,
/// `--max-alias-nodes`, `--max-scalar-bytes`, `--max-collection-count`), and each message
/// names the limit and the option that raises it.
public struct YAMLLimits: Sendable, Hashable {
    /// The most bytes of the whole input, checked before parsing.
    public var maxFileBytes = 16 << 20
    /// The deepest nesting of collections (a top-level mapping is depth 1). The tree is walked
    /// recursively by consumers, so this also bounds their stack use; keep it in the hundreds.
    public var maxDepth = 100
    /// The most nodes produced by expanding aliases, in total over the file (billion laughs).
    public var maxAliasNodes = 10_000
    /// The most UTF-8 bytes of one scalar's text.
    public var maxScalarBytes = 1 << 20
    /// The most entries of one sequence or mapping.
    public var maxCollectionCount = 100_000

    /// The limits used when the command line does not raise them.
    public static let `default` = YAMLLimits()

    public init() {}
}
