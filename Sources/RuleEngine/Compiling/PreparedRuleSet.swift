import CEL
import Diagnostics
import YAML

/// A rule set ready to screen with: its schema, calendar and parameters loaded, its rules
/// compiled, and every diagnostic of every stage (`rules lint` prints them all).
public struct PreparedRuleSet: Sendable {
    public var ruleSet: RuleSet
    public var schema: Schema?
    public var calendar: HolidayCalendar?
    public var parameters: Parameters
    /// Nil when the schema could not be loaded (nothing can be compiled then).
    public var context: RuleContext?
    public var compiled: CompiledRuleSet
    /// Loading, schema, calendar, parameter and compile diagnostics, sorted.
    public var diagnostics: [Diagnostic]
    /// How `prepare` was called, so that `replica()` can call it again the same way.
    private var compiledRules = true
    private var language = "en"

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Loads the schema, calendar and parameters named by `ruleSet`, then compiles its rules
    /// (unless `compileRules` is false: `eval` needs only the context).
    public static func prepare(_ ruleSet: RuleSet, compileRules: Bool = true, language: String = "en") -> PreparedRuleSet {
        var diagnostics = ruleSet.diagnostics
        var schema: Schema?
        if let file = ruleSet.schema {
            let document = YAMLLoader.load(bytes: file.bytes, file: file.path)
            diagnostics += document.diagnostics
            if let root = document.root {
                let (loaded, problems) = Schema.load(root, file: file.path)
                schema = loaded
                diagnostics += problems
            }
        } else {
            diagnostics.append(Diagnostic(code: "rule.no-schema", message: "the rule set has no schema.yaml", location: nil))
        }
        var calendar: HolidayCalendar?
        if let file = ruleSet.calendar {
            let document = YAMLLoader.load(bytes: file.bytes, file: file.path)
            let (loaded, problems) = CalendarLoader.load(document.root, file: file.path)
            calendar = loaded
            diagnostics += document.diagnostics + problems
        }
        var builder = ParametersBuilder()
        for file in ruleSet.files {
            if let params = file.params { diagnostics += Parameters.load(params, file: file.path, into: &builder) }
        }
        let parameters = builder.build()
        let context = schema.map { RuleContext(schema: $0, parameters: parameters, calendar: calendar) }
        let compiled = context.map { RuleCompiler.compile(compileRules ? ruleSet.rules : [], context: $0, language: language) }
            ?? CompiledRuleSet(rules: [], diagnostics: [])
        diagnostics += compiled.diagnostics
        return PreparedRuleSet(
            ruleSet: ruleSet, schema: schema, calendar: calendar, parameters: parameters, context: context,
            compiled: compiled, diagnostics: diagnostics.sorted(), compiledRules: compileRules, language: language)
    }

    /// The same preparation made again: equal in every answer, sharing no object with this one.
    /// A worker thread that screens thousands of dossiers with its own replica retains and
    /// releases objects no other core touches; on objects shared between cores, every atomic
    /// reference count moves a cache line from one core to the other (`docs/performance.md`,
    /// "Nineteenth pass: a replica of the rules per worker").
    public func replica() -> PreparedRuleSet {
        Self.prepare(ruleSet, compileRules: compiledRules, language: language)
    }
}

extension RuleContext {
    /// The context of a loaded schema, parameter set and calendar.
    public init(schema: Schema, parameters: Parameters, calendar: HolidayCalendar?) {
        self.init(
            dossierType: schema.dossierType, slateType: schema.slateType, paramsType: parameters.objectType,
            calendar: calendar,
            paramsOn: { .object(parameters.values(on: $0)) },
            paramAt: { name, date in
                parameters.value(named: name, on: date) ?? .error(EvalError(.evalMissing, "no parameter named '\(name)'"))
            })
    }
}
