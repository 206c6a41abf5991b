import CEL
import Diagnostics
import RuleEngine
import YAML

/// One dossier screened: its report entry, and its value when slate rules still need it.
struct ScreenedDossier: Sendable {
    var result: CandidateResult
    var dossier: ObjectValue?
    /// True for a file whose `format` is `slate/1`: skipped, not screened (`details.md` §4).
    var isSlateFile = false
}

/// Reads, validates and evaluates one dossier file. Shared read-only by every worker thread.
struct DossierScreener: Sendable {
    let schema: Schema
    let evaluator: Evaluator
    let asOf: CivilDate
    let language: String
    let slate: Value
    let params: Value
    let limits: YAMLLimits
    let validation: ValidationOptions
    /// Whether slate rules will run, so valid dossiers are kept for them.
    let keepForSlate: Bool

    func screen(_ file: String) -> ScreenedDossier {
        let bytes: [UInt8]
        switch FileReader.read(file, limit: limits.maxFileBytes) {
        case .success(let read): bytes = read
        case .failure(let failure):
            let code = if case .tooLarge = failure { "yaml.too-large" } else { "input.unreadable" }
            let diagnostic = Diagnostic(
                code: code, message: "cannot read the dossier: it \(failure.message)",
                location: SourceLocation(file: file, line: 1, column: 1))
            return ScreenedDossier(result: CandidateResult(
                file: file, digest: nil, id: nil, name: nil, verdict: .invalid, findings: [], errors: [diagnostic]))
        }
        if SlateFileSniffer.isSlateFile(bytes) {
            return ScreenedDossier(
                result: CandidateResult(file: file, digest: nil, id: nil, name: nil, verdict: .invalid, findings: [], errors: []),
                isSlateFile: true)
        }
        switch DossierLoader.load(bytes: bytes, file: file, schema: schema, limits: limits, options: validation) {
        case .invalid(let digest, let id, let name, let diagnostics):
            return ScreenedDossier(result: CandidateResult(
                file: file, digest: digest, id: id, name: name, verdict: .invalid, findings: [], errors: diagnostics))
        case .loaded(let dossier, let warnings):
            let findings = evaluator.evaluate(
                dossier: dossier.value, asOf: asOf, language: language, slate: slate, params: params)
            let result = CandidateResult(
                file: file, digest: dossier.digest, id: dossier.id, name: dossier.name,
                verdict: VerdictPolicy.verdict(valid: true, findings: findings), findings: findings, errors: warnings)
            return ScreenedDossier(result: result, dossier: keepForSlate ? dossier.value : nil)
        }
    }
}

/// Tells a slate file from a dossier without parsing: a top-level `format: slate/1` line.
enum SlateFileSniffer {
    static func isSlateFile(_ bytes: [UInt8]) -> Bool {
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let prefix = Array("format:".utf8)
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if line.starts(with: prefix) {
                var value = String(decoding: line.dropFirst(prefix.count), as: UTF8.self)
                if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
                value = value.trimmingCharacters(in: " \t'\"")
                return value == "slate/1"
            }
            lineStart = lineEnd + 1
        }
        return false
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
