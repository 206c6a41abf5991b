import CEL
import Diagnostics
import YAML

/// One loaded `rules/1` file: its rules in file order, its `params:` node for the parameter
/// loader, its `examples_as_of`, and every problem found in it.
public struct RuleFile: Sendable {
    /// The path as given.
    public var path: String
    /// The file's text, for snippets and for mapping expressions.
    public var source: Source
    public var rules: [Rule]
    /// The top-level `params:` mapping, read by `Parameters`.
    public var params: Node?
    public var examplesAsOf: CivilDate?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
