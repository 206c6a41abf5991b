/// Why an expression came out as it did, for a finding's evidence and `eval --explain`.
///
/// Only the decisive part counts for `reads` and `comparisons`: both sides of a true `&&`,
/// the first true side of `||`, the operand of `!`, the operands of a comparison, the taken
/// branch of `?:`, and the iteration that decided `exists`/`all`.
public struct Explanation: Sendable {
    /// An object field read in the decisive part, with where it stands in its document.
    public struct Read: Sendable {
        public var origin: ValueOrigin
        public var value: Value
    }

    /// One sub-expression with its value.
    public struct Subexpression: Sendable {
        public var text: String
        public var value: Value
        /// UTF-8 offsets in the expression text.
        public var range: Range<Int>
    }

    public var value: Value
    public var reads: [Read]
    /// Decisive comparisons as text with their outcome:
    /// `months_between(d.date, as_of) = 8 < bar_months = 12 → true`.
    public var comparisons: [String]
    /// Every sub-expression (literals left out) in source order, outermost first.
    public var subexpressions: [Subexpression]
    /// How many reads, comparisons and sub-expressions the caps left out (`Explainer.maxReads`
    /// 50, `maxComparisons` 20, `maxSubexpressions` 200).
    public var omittedReads = 0
    public var omittedComparisons = 0
    public var omittedSubexpressions = 0
}

extension Program {
    /// Re-evaluates recording values; slower than `evaluate`, so only for findings and `--explain`.
    /// Without `subexpressions` (a finding's evidence), `Explanation.subexpressions` is empty;
    /// without `comparisons` (the evidence of a `let`, which needs only its reads),
    /// `Explanation.comparisons` is.
    public func explain(_ activation: Activation, subexpressions: Bool = true, comparisons: Bool = true) -> Explanation {
        var budget = EvaluationBudget()
        return Frame.with(activation, localCount: localCount, budget: &budget) { frame in
            explain(frame, subexpressions: subexpressions, comparisons: comparisons)
        }
    }

    private func explain(_ frame: Frame, subexpressions: Bool, comparisons: Bool) -> Explanation {
        var explainer = Explainer(
            info: parsed.sourceInfo, frame: frame, recordsSubexpressions: subexpressions,
            recordsComparisons: comparisons)
        let value = explainer.visit(root, decisive: true)
        // A finding's evidence records none: nothing to sort.
        let subexpressions = explainer.subexpressions.isEmpty ? [] : explainer.subexpressions.sorted {
            ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count)
        }
        var explanation = Explanation(
            value: value, reads: explainer.reads, comparisons: explainer.comparisons, subexpressions: subexpressions)
        explanation.omittedReads = explainer.omittedReads
        explanation.omittedComparisons = explainer.omittedComparisons
        explanation.omittedSubexpressions = explainer.omittedSubexpressions
        return explanation
    }
}
