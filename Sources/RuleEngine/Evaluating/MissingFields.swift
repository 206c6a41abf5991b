import CEL

/// Why a rule failed, in the words of the dossier: when the failing part of an expression read
/// a field that is missing (`candidate.gender` is null), the error finding says which field
/// the rule needed (`candidate.gender is missing; AGE-FIRST-TERM needs it`) instead of only
/// the evaluator's `no such key: null`.
enum MissingFields {
    /// The field paths (`candidate.gender`, `d.date`) inside `part` that read null, in source
    /// order; computed only for a failure, never on the fast path.
    static func read(by program: Program, in part: String, _ activation: Activation) -> [String] {
        var found: [String] = []
        for sub in program.explain(activation, comparisons: false).subexpressions {
            guard case .null = sub.value, part.contains(sub.text), !found.contains(sub.text),
                sub.text.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+/) != nil
            else { continue }
            found.append(sub.text)
        }
        return found
    }

    /// `candidate.gender is missing; AGE-FIRST-TERM needs it`, in the report language.
    static func message(_ fields: [String], rule: String, language: String) -> String {
        let list = fields.joined(separator: ", ")
        if language == "vi" {
            return "thiếu \(list) trong hồ sơ; quy tắc \(rule) cần \(fields.count == 1 ? "trường" : "các trường") này"
        }
        return "\(list) \(fields.count == 1 ? "is" : "are") missing; \(rule) needs \(fields.count == 1 ? "it" : "them")"
    }
}
