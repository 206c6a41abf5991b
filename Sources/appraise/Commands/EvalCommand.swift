import ArgumentParser
import CEL
import Diagnostics
import Foundation
import YAML

/// `appraise eval`: evaluates one expression, for rule authors trying out the language.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one rule expression.",
        discussion: "Exit 0 on success, 1 on an evaluation error, 2 when the expression does not parse or type-check or the arguments are wrong."
    )

    /// Output formats of `eval`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .customLong("var"), help: "Bind NAME to a YAML 1.2 value: --var n=3, --var 'xs=[1, 2]'.")
    var variables: [String] = []

    @Option(name: .customLong("as-of"), help: "The date bound to as_of (YYYY-MM-DD); default: today in Asia/Ho_Chi_Minh.")
    var asOf: String?

    @Option(help: "text or json ({\"type\": T, \"value\": V}).")
    var format: Format = .text

    @Flag(help: "Also print the value of every sub-expression and the decisive comparisons.")
    var explain = false

    // `--input FILE` (a dossier typed by the schema) is added with the rule engine's schema loader.

    @Argument(help: "The expression; put `--` before it when it starts with '-'.")
    var expression: String

    func run() throws {
        let environment = Environment()
        var bindings: [(slot: Int, value: Value)] = []
        guard let asOfDate = asOf.map({ CivilDate(iso: $0) }) ?? Optional(Self.today()) else {
            throw Self.usageError("--as-of must be a date YYYY-MM-DD, not '\(asOf ?? "")'")
        }
        bindings.append((environment.declare(variable: "as_of", type: .date), .date(asOfDate)))
        for binding in variables {
            let (name, value) = try Self.parseVariable(binding)
            bindings.append((environment.declare(variable: name, type: .dyn), value))
        }
        let source = Source(name: "<expression>", text: expression)
        let program: Program
        do {
            program = try Program.compile(expression, in: environment)
        } catch {
            for issue in error.issues {
                let location = source.location(ofUTF8Offset: issue.range.lowerBound)
                let diagnostic = Diagnostic(code: issue.code, message: issue.message, location: location)
                Self.printError(Snippet.render(diagnostic, source: source))
            }
            throw ExitCode(2)
        }
        var activation = Activation(slotCount: environment.variableCount)
        for (slot, value) in bindings { activation[slot] = value }
        let value = program.evaluate(activation)
        if case .error(let failure) = value {
            var text = "error: \(failure.message)"
            if let id = failure.exprID, let range = program.range(ofExpr: id) {
                let location = source.location(ofUTF8Offset: range.lowerBound)
                if let line = source.line(location.line) { text += "\n" + Snippet.caretLines(line: line, column: location.column) }
            }
            Self.printError(text)
            throw ExitCode(1)
        }
        print(format == .json ? value.typedJSONText : value.displayText)
        if explain { Self.printExplanation(program.explain(activation)) }
    }

    /// `  text = value` for each sub-expression, then the decisive comparisons.
    static func printExplanation(_ explanation: Explanation) {
        for sub in explanation.subexpressions { print("  \(sub.text) = \(sub.value.displayText)") }
        for comparison in explanation.comparisons { print("  decisive: \(comparison)") }
    }

    /// Splits `NAME=VALUE` and reads VALUE as YAML.
    static func parseVariable(_ binding: String) throws -> (String, Value) {
        guard let equals = binding.firstIndex(of: "=") else {
            throw usageError("--var needs NAME=VALUE, not '\(binding)'")
        }
        let name = String(binding[..<equals])
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
            name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { throw usageError("--var: '\(name)' is not a variable name") }
        let text = String(binding[binding.index(after: equals)...])
        let document = YAMLLoader.load(text: text, file: "--var \(name)")
        if let problem = document.diagnostics.first(where: { $0.severity == .error }) {
            throw usageError(problem.description)
        }
        guard let root = document.root else { return (name, .null) }
        switch YAMLValue.value(of: root) {
        case .success(let value): return (name, value)
        case .failure(let error): throw usageError("--var \(name): \(error.message)")
        }
    }

    /// Today's date in Asia/Ho_Chi_Minh (UTC+7 all year).
    static func today() -> CivilDate {
        let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600
        return CivilDate(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
            ?? CivilDate(year: 1970, month: 1, day: 1)!
    }

    static func usageError(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(2)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension Value {
    var isErrorValue: Bool {
        if case .error = self { return true }
        return false
    }
}
