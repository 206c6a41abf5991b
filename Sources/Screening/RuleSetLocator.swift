#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Finds the shipped rule set: `rules/` in the working folder, else the `rules/` of the
/// project the executable was built in (so `.build/debug/appraise` works from anywhere), else
/// the copy built into the executable (so an installed binary works anywhere).
public enum RuleSetLocator {
    /// A `rules/` folder on disk, or nil when only the built-in copy is left.
    public static func shippedRules() -> String? {
        if FileKind.of("rules/schema.yaml") == .file { return "rules" }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("rules")
            if FileKind.of(candidate.appendingPathComponent("schema.yaml").path) == .file { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The folder the loader reads the shipped set from: on disk when found, else the built-in
    /// copy under `EmbeddedRuleSet.root`.
    public static func shippedFolder() -> String { shippedRules() ?? EmbeddedRuleSet.root }
}
