import ArgumentParser
import CEL
import Diagnostics
import RuleEngine
import Screening
import YAML

/// `appraise eval`: evaluates one expression, for rule authors trying a `when` before writing
/// the rule. With the shipped (or `--rules`) rule set found, the expression sees what a
/// candidate rule sees: `params`, `param_at`, `vnd`, the holiday calendar, and with
/// `--input DOSSIER` the dossier's fields typed by the schema.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one rule expression.",
        discussion: """
            Exit 0 on success, 1 on an evaluation error, 2 when the expression does not parse or \
            type-check or the arguments are wrong.
            """
    )

    /// Output formats of `eval`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .customLong("var"), help: "Bind NAME to a YAML 1.2 value: --var n=3, --var 'xs=[1, 2]'.")
    var variables: [String] = []

    @Option(help: "A YAML file: a dossier (typed by the schema), or a mapping whose keys become variables.")
    var input: String?

    @Option(name: .customLong("as-of"), help: "The date bound to as_of (YYYY-MM-DD); default: today in Asia/Ho_Chi_Minh.")
    var asOf: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule folder or file (repeatable), for params and the calendar.", valueName: "PATH"))
    var rulePaths: [String] = []

    @Option(name: .customLong("lang"), help: "Language of vnd(): en or vi.")
    var language: Language = .en

    @Option(help: "text or json ({\"type\": T, \"value\": V}).")
    var format: Format = .text

    @Flag(help: "Also print the value of every sub-expression and the decisive comparisons.")
    var explain = false

    @OptionGroup(title: "Limits") var evaluationLimits: EvaluationLimitOptions

    @Argument(help: "The expression; put `--` before it when it starts with '-'.")
    var expression: String

    func run() throws {
        try ExitStatus.run { () throws(CLIError) -> ExitStatus in
            let asOfDate = try EvaluationDate.parse(option: asOf) ?? EvaluationDate.today()
            let (environment, activation) = try bind(asOf: asOfDate)
            return evaluate(in: environment, activation: activation)
        }
    }

    /// The environment and the values: the rule set's scope when there is one, then `--input`,
    /// then each `--var` (declared `dyn`, so checking defers to run time).
    private func bind(asOf: CivilDate) throws(CLIError) -> (Environment, Activation) {
        let context = try ruleContext()
        var dossier: ObjectValue?
        var extra: [(String, Value)] = []
        if let input {
            (dossier, extra) = try readInput(input, context: context)
        }
        let scope = context.map { CandidateScope(context: $0.context, language: language.rawValue) }
        let environment = scope?.environment ?? Environment()
        var bindings: [(Int, Value)] = []
        if scope == nil { bindings.append((environment.declare(variable: "as_of", type: .date), .date(asOf))) }
        for (name, value) in extra + (try variables.map(Self.parseVariable)) {
            bindings.append((environment.declare(variable: name, type: .dyn), value))
        }
        var activation = scope?.activation(
            dossier: dossier, asOf: asOf, params: context?.context.paramsOn(asOf) ?? .null)
            ?? Activation(slotCount: environment.variableCount)
        for (slot, value) in bindings { activation[slot] = value }
        return (environment, activation)
    }

    /// The rule set's schema and context: required with `--input` or `--rules`, else the shipped
    /// set's (on disk or built in) when it loads.
    private func ruleContext() throws(CLIError) -> (schema: Schema, context: RuleContext)? {
        let required = input != nil || !rulePaths.isEmpty
        let session = try RuleSetSession.load(
            paths: rulePaths, maxFileBytes: YAMLLimits.default.maxFileBytes, compileRules: false,
            emptyRules: .notChecked)
        // With --rules, a file of the set that does not load stops eval as it stops check; the
        // shipped set is used only when it loads.
        let blocking = session.prepared.diagnostics.filter {
            $0.severity == .error && (!rulePaths.isEmpty || $0.code.hasPrefix("schema"))
        }
        guard let schema = session.prepared.schema, let context = session.prepared.context, blocking.isEmpty else {
            if required {
                session.printer.printAll(session.prepared.diagnostics)
                throw CLIError.rulesInvalid
            }
            return nil
        }
        return (schema, context)
    }

    /// A dossier (`format: dossier/1`) typed by the schema, or a mapping of variables.
    private func readInput(_ path: String, context: (schema: Schema, context: RuleContext)?) throws(CLIError)
        -> (ObjectValue?, [(String, Value)])
    {
        let bytes: [UInt8]
        switch FileReader.read(path, limit: YAMLLimits.default.maxFileBytes) {
        case .success(let read): bytes = read
        case .failure(let failure): throw CLIError.io(path: path, reason: failure.message)
        }
        let document = YAMLLoader.load(bytes: bytes, file: path)
        let printer = DiagnosticPrinter()
        if document.root?["format"]?.scalar?.text == "dossier/1", let schema = context?.schema {
            switch DossierLoader.load(document, bytes: bytes, file: path, schema: schema) {
            case .loaded(let dossier, let warnings):
                printer.printAll(warnings)
                return (dossier.value, [])
            case .invalid(_, _, _, let diagnostics):
                printer.printAll(diagnostics)
                throw CLIError.inputInvalid(path)
            }
        }
        guard !document.hasErrors, let pairs = document.root?.mapping else {
            printer.printAll(document.diagnostics)
            throw CLIError.usage("--input \(path) must be a dossier or a YAML mapping of variables")
        }
        var values: [(String, Value)] = []
        for pair in pairs {
            guard let name = pair.key.scalar?.text else { continue }
            switch untypedValue(pair.value, keys: .typed) {
            case .success(let value): values.append((name, value))
            case .failure(let error): throw CLIError.usage("\(error.location): \(error.message)")
            }
        }
        return (nil, values)
    }

    /// Compiles and evaluates; prints the value (and the explanation) or the error.
    private func evaluate(in environment: Environment, activation: Activation) -> ExitStatus {
        let source = Source(name: "<expression>", text: expression)
        let program: Program
        do {
            program = try Program.compile(expression, in: environment)
        } catch {
            for issue in error.issues {
                let location = source.location(ofUTF8Offset: issue.range.lowerBound)
                let diagnostic = Diagnostic(
                    code: issue.code, message: issue.message, location: location,
                    end: source.location(ofUTF8Offset: issue.range.upperBound))
                Terminal.printError(Snippet.render(diagnostic, source: source))
            }
            return .badInput
        }
        var budget = EvaluationBudget(limits: evaluationLimits.limits)
        let value = program.evaluate(activation, budget: &budget)
        if case .error(let failure) = value {
            var text = "error: \(failure.message)"
            if let id = failure.exprID, let range = program.range(ofExpr: id) {
                let location = source.location(ofUTF8Offset: range.lowerBound)
                if let line = source.line(location.line) { text += "\n" + Snippet.caretLines(line: line, column: location.column) }
            }
            Terminal.printError(text)
            return .findings
        }
        Terminal.printOutput((format == .json ? value.typedJSONText : value.displayText) + "\n")
        if explain {
            // The deciding comparisons first (what made the value), then every part's value.
            let explanation = program.explain(activation)
            for comparison in explanation.comparisons { Terminal.printOutput("  decisive: \(comparison)\n") }
            if explanation.omittedComparisons > 0 {
                Terminal.printOutput("  decisive: … \(explanation.omittedComparisons) more comparisons\n")
            }
            for sub in explanation.subexpressions { Terminal.printOutput("  \(sub.text) = \(sub.value.displayText)\n") }
            if explanation.omittedSubexpressions > 0 {
                Terminal.printOutput("  … \(explanation.omittedSubexpressions) more sub-expressions\n")
            }
        }
        return .clean
    }

    /// Splits `NAME=VALUE` and reads VALUE as YAML.
    static func parseVariable(_ binding: String) throws(CLIError) -> (String, Value) {
        guard let equals = binding.firstIndex(of: "=") else {
            throw CLIError.usage("--var needs NAME=VALUE, not '\(binding)'")
        }
        let name = String(binding[..<equals])
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
            name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { throw CLIError.usage("--var: '\(name)' is not a variable name") }
        let text = String(binding[binding.index(after: equals)...])
        let document = YAMLLoader.load(text: text, file: "--var \(name)")
        if let problem = document.diagnostics.first(where: { $0.severity == .error }) {
            throw CLIError.usage(problem.description)
        }
        guard let root = document.root else { return (name, .null) }
        switch untypedValue(root, keys: .typed) {
        case .success(let value): return (name, value)
        case .failure(let error): throw CLIError.usage("--var \(name): \(error.message)")
        }
    }
}
