import Diagnostics
import Foundation
import Reports
import RuleEngine
import Screening

/// `POST /v1/playground` (role author): one rule file as text, linted, its examples run, and —
/// when it has no errors — a dossier checked with it, as `rules lint FILE`, `rules test FILE`
/// and `check --rules FILE --explain DOSSIER` would: the web app's rule playground calls it as
/// one types. The answer: `{"diagnostics": [...], "examples": {...} | null, "report": CHECK-JSON | null}`.
struct PlaygroundRequest: Decodable, Sendable {
    /// The rule file's text (format rules/1).
    var rules: String
    /// A dossier's YAML text, or nil.
    var dossier: String?
    /// A workspace dossier by its path relative to the workspace, when `dossier` is nil.
    var dossierFile: String?

    enum CodingKeys: String, CodingKey {
        case rules, dossier
        case dossierFile = "dossier_file"
    }

    /// The name the rule file has in diagnostics.
    static let ruleFileName = "playground.yaml"
}

extension ScreeningService {
    func playground(_ request: PlaygroundRequest, dossierFiles: [(name: String, path: String)], query: Query) throws(APIError) -> Answer {
        var screening = try query.screeningOptions(options)
        screening.explain = true
        screening.jobs = 1
        let session = RuleSetSession.load(
            ruleFile: PlaygroundRequest.ruleFileName, text: request.rules, maxFileBytes: options.limits.maxFileBytes,
            language: screening.language)
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in session.prepared.diagnostics { JSONReporter.write(diagnostic, to: &writer) }
        writer.endArray()
        writer.key("examples")
        guard !session.prepared.hasErrors, let (schema, context) = try? session.forScreening() else {
            writer.raw("null")
            writer.key("report")
            writer.raw("null")
            writer.endObject()
            return Answer(text: writer.output + "\n")
        }
        let examples = ExampleRunner(prepared: session.prepared, language: screening.language.rawValue).run()
        Self.write(examples, to: &writer)
        writer.key("report")
        var dossier = request.dossier.map { (name: "dossier.yaml", bytes: Array($0.utf8)) }
        if dossier == nil, let file = request.dossierFile {
            guard let found = dossierFiles.first(where: { $0.name == file }),
                case .success(let bytes) = FileReader.read(found.path, limit: options.limits.maxFileBytes)
            else {
                throw APIError(.notFound, code: "workspace.no-such-dossier", message: "no dossier '\(file)' in the workspace")
            }
            dossier = (file, bytes)
        }
        if let dossier {
            let loaded = LoadedRules(session: session, schema: schema, context: context)
            let service = ScreeningService(
                snapshot: RuleSetSnapshot(byLanguage: [screening.language: loaded]), options: options)
            let output = MemoryReportOutput(format: .json)
            _ = try service.run(
                files: [dossier.name], documents: [dossier.bytes], slate: nil, style: .check, options: screening, output: output)
            writer.raw(output.text.hasSuffix("\n") ? String(output.text.dropLast()) : output.text)
        } else {
            writer.raw("null")
        }
        writer.endObject()
        return Answer(text: writer.output + "\n")
    }

    /// `{"passed": N, "failed": M, "results": [{name, rule, kind, line, column, passed, message, diagnostics}]}`.
    static func write(_ report: ExampleReport, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("passed", report.passedCount)
        writer.field("failed", report.failedCount)
        writer.key("results")
        writer.beginArray()
        for result in report.results {
            writer.beginObject()
            writer.field("name", result.name)
            writer.field("rule", result.rule)
            writer.field("line", result.location.line)
            writer.field("column", result.location.column)
            writer.key("passed")
            writer.bool(result.passed)
            var message: String?
            var diagnostics: [Diagnostic] = []
            switch result.outcome {
            case .passed: break
            case .failed(let text): message = text
            case .error(let found): diagnostics = found
            }
            writer.field("message", message)
            writer.key("diagnostics")
            writer.beginArray()
            for diagnostic in diagnostics { JSONReporter.write(diagnostic, to: &writer) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
