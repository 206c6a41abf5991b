import CEL
import Diagnostics

/// The static cost check of a compiled rule (issue 17), run at load by every command: its
/// worst-case steps on one dossier, from the nesting of its `for_each` lines and
/// comprehensions, with every list of a dossier at `--max-collection-count` elements
/// (`CostEstimate`). Over `warningDegree` nested loops over dossier lists it is a warning
/// (`rule.cost`), naming the part that dominates; at `errorDegree`, or when the loops over
/// list literals alone pass the run-time step budget whatever the dossier, an error
/// (`rule.cost-ceiling`). The run-time budget (`EvaluationLimits`) still bounds every rule.
enum RuleCostCheck {
    /// The shipped rules nest at most 4 loops over dossier lists (FAMILY-SECTOR-BUSINESS and
    /// FAMILY-AGENCY-CONTRACT: two `for_each` lines and two nested comprehensions, N^4); a
    /// warning from 6 leaves room for one more.
    static let warningDegree = 6
    /// N^9 with N = 100,000 is 10^45 steps: no dossier could ever be screened by such a rule.
    static let errorDegree = 9

    /// One part of the rule: an expression, how many times it runs, and where it is written.
    private struct Part {
        var program: Program
        var source: EmbeddedSource
        var runs: CostEstimate
        var cost: CostEstimate { runs * program.estimatedCost }
    }

    static func check(
        _ compiled: CompiledRule, limits: EvaluationLimits = .default, listSize: Int
    ) -> [Diagnostic] {
        let rule = compiled.rule
        var parts: [Part] = []
        var runs = CostEstimate.one
        for (index, (loop, clause)) in zip(compiled.loops, rule.forEach).enumerated() {
            parts.append(Part(program: loop.iterable, source: clause.iterable.source, runs: runs))
            // The second loop of a pair rule with pair_keys visits only pairs whose keys meet.
            let blocked = index == 1 && compiled.pairKeys != nil
            runs = runs * (blocked ? .one : loop.iterable.estimatedSize)
        }
        for (binding, clause) in zip(compiled.bindings, rule.lets) {
            parts.append(Part(program: binding.program, source: clause.expression.source, runs: runs))
        }
        parts.append(Part(program: compiled.when, source: rule.when.source, runs: runs))
        guard let heaviest = parts.max(by: { $0.cost < $1.cost }) else { return [] }
        let total = parts.dropFirst().reduce(parts[0].cost) { $0 + $1.cost }
        let (part, location) = describe(heaviest, rule: rule)
        let steps = total.steps(listSize: listSize)
        let over = total.degree >= errorDegree || (total.degree == 0 && total.factor > Double(limits.maxSteps))
        guard over || total.degree >= warningDegree else { return [] }
        let message = "rule '\(rule.id)' may take about \(total.formula) steps on one dossier "
            + "(\(CostEstimate.rounded(steps)) with lists of N = \(listSize) elements, --max-collection-count); "
            + "the most expensive part is \(part)"
        if over {
            return [Diagnostic(
                code: "rule.cost-ceiling",
                message: message + ", over the ceiling of \(errorDegree - 1) nested loops or \(limits.maxSteps) steps",
                location: location)]
        }
        return [Diagnostic(
            code: "rule.cost", severity: .warning,
            message: message + "; more than \(warningDegree - 1) nested loops over dossier lists", location: location)]
    }

    /// The dominating comprehension's text and place, else the expression's.
    private static func describe(_ part: Part, rule: Rule) -> (String, SourceLocation) {
        let estimate = part.program.estimatedCost
        if let id = estimate.dominant, let text = part.program.text(ofExpr: id), let range = part.program.range(ofExpr: id) {
            return ("`\(shortened(text))`", part.source.location(ofUTF8Offset: range.lowerBound))
        }
        return ("`\(shortened(part.program.text.trimmingSpaces))`", part.source.location(ofUTF8Offset: 0))
    }

    private static func shortened(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80)) + "…"
    }
}
