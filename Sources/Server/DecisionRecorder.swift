#if canImport(Glibc)
import Glibc
#endif
import Diagnostics
import Hummingbird
import Reports
import RuleEngine
import Screening
import Synchronization
import YAML

/// `POST /v1/decisions`: records one review decision (decisions.md) in the decisions file a
/// workspace slate names, after checking it against the finding as the slate's report shows it
/// now. The file is appended to as text (its comments and entries stay byte for byte), the
/// result is validated by the decisions loader, and written atomically, writers serialised in
/// this process by a lock and across processes by `flock` on a sibling lock file.
struct DecisionRecorder: Sendable {
    let workspace: Workspace

    /// Serialises this process's writers; `flock` serialises processes.
    private static let writing = Mutex(())

    func record(_ request: DecisionRequest, service: ScreeningService) throws(APIError) -> Answer {
        let rules = service.snapshot.rules(.en).session.prepared.ruleSet
        guard let slatePath = workspace.slateFiles().first(where: { $0.name == request.slate })?.path else {
            throw Self.refusal(.unprocessableContent, .unknownSlate, "slate", "no slate named '\(request.slate)' in the workspace")
        }
        guard let rule = rules.rules.first(where: { $0.id == request.rule }) else {
            throw Self.refusal(.unprocessableContent, .unknownRule, "rule", "no rule '\(request.rule)' in the rule set")
        }
        if rule.severity == .disqualify {
            throw APIError(
                .unprocessableContent, code: RuleEngineCode.decisionDisqualify.rawValue,
                message: "rule \(rule.id) has severity disqualify; its findings cannot be cleared or upheld "
                    + "(no forbidden areas, no exceptions)",
                diagnostics: [Diagnostic(
                    code: RuleEngineCode.decisionDisqualify.rawValue,
                    message: "a disqualify finding cannot be decided", location: nil, path: "rule")])
        }
        let capture = ReportCapture()
        let (slate, _) = try service.screenSlateFile(slatePath, query: nil, output: capture)
        guard let report = capture.report else {
            throw APIError(.internalServerError, code: DecisionRequestCode.writeFailed.rawValue, message: "the slate gave no report")
        }
        let finding = try currentFinding(of: request, in: report)
        let target = try decisionsFile(of: slate)
        let entry = DecisionEntry(request: request, evidence: finding.evidenceTexts)
        let documents: [String]
        do throws(CLIError) { documents = try SlateTarget.decisionFiles(of: slate) } catch {
            throw Self.refusal(.conflict, .noDecisionsFile, "slate", error.description)
        }
        return try Self.writing.withLock { _ throws(APIError) -> Answer in
            try FileLock.exclusive(besides: target) { () throws(APIError) -> Answer in
                try append(entry, to: target, among: documents, service: service)
            }
        }
    }

    /// The finding the request names, as the report shows it now: 422 when the candidate or the
    /// finding is not there or is a rule error, 409 when its evidence changed since it was seen.
    private func currentFinding(of request: DecisionRequest, in report: Report) throws(APIError) -> Finding {
        let ids = Set(report.candidates.compactMap(\.id))
        for (index, id) in request.subjects.enumerated() where !ids.contains(id) {
            let path = request.isSlate ? "involved[\(index)]" : "candidate"
            throw Self.refusal(.unprocessableContent, .unknownCandidate, path, "the slate '\(request.slate)' lists no candidate '\(id)'")
        }
        let findings = request.isSlate
            ? report.slate.findings : report.candidates.first { $0.id == request.subjects[0] }?.findings ?? []
        let identity = request.identity
        guard let finding = findings.first(where: { $0.fingerprint.identity == identity }) else {
            throw Self.refusal(
                .unprocessableContent, .noSuchFinding, "at",
                "no current finding of \(request.rule) at \(request.at) for \(request.subjects.joined(separator: ", "))")
        }
        if finding.severity == .error {
            throw APIError(
                .unprocessableContent, code: RuleEngineCode.decisionErrorFinding.rawValue,
                message: "the finding of \(request.rule) at \(request.at) is a rule error; fix the rule or the dossier, "
                    + "a decision cannot answer it",
                diagnostics: [Diagnostic(
                    code: RuleEngineCode.decisionErrorFinding.rawValue, message: "a rule error cannot be decided",
                    location: nil, path: "at")])
        }
        guard finding.fingerprint.content == request.content else {
            throw Self.refusal(
                .conflict, .contentChanged, "content",
                "the finding's evidence changed since it was reviewed: its content is now \(finding.fingerprint.content); "
                    + "reload it and review again")
        }
        return finding
    }

    /// The first file the slate names under `decisions:` by a literal path inside the
    /// workspace: where a decision is recorded.
    private func decisionsFile(of slate: SlateFile) throws(APIError) -> String {
        let folder = slate.file.contains("/") ? String(slate.file[..<slate.file.lastIndex(of: "/")!]) : "."
        let literal = slate.decisionPatterns.first { pattern in
            !pattern.text.contains(where: { "*?[{\\".contains($0) }) && !pattern.text.hasPrefix("/")
                && !pattern.text.split(separator: "/").contains("..")
        }
        guard let literal else {
            throw Self.refusal(
                .conflict, .noDecisionsFile, "slate",
                "the slate \(slate.file) names no decisions file by a literal path under decisions: (such as "
                    + "decisions.yaml); add one to the slate to record decisions")
        }
        return folder + "/" + literal.text
    }

    /// Appends `entry` to `path`, validates every decisions file of the slate with the result,
    /// and replaces the file atomically; the answer is the decision as written.
    private func append(
        _ entry: DecisionEntry, to path: String, among documents: [String], service: ScreeningService
    ) throws(APIError) -> Answer {
        let limits = service.options.limits
        var texts: [(name: String, bytes: [UInt8])] = []
        for document in documents {
            switch FileReader.read(document, limit: limits.maxFileBytes) {
            case .success(let bytes): texts.append((document, bytes))
            case .failure(let failure):
                throw Self.refusal(.internalServerError, .writeFailed, nil, "cannot read \(document): \(failure.message)")
            }
        }
        guard let position = texts.firstIndex(where: { $0.name == path }) else {
            throw Self.refusal(.conflict, .noDecisionsFile, "slate", "the decisions file \(path) does not exist")
        }
        let old = texts[position].bytes
        let schema = service.snapshot.rules(.en).schema
        let (existing, _) = DecisionsLoader.load(bytes: old, file: path, schema: schema, limits: limits)
        guard let existing else {
            throw Self.refusal(.conflict, .cannotAppend, nil, "the decisions file \(path) is not valid; fix it first")
        }
        let (new, line) = try entry.appended(to: old, existing: existing, file: path)
        texts[position].bytes = Array(new.utf8)
        let loaded = DecisionDocuments.load(
            texts, schema: schema, ruleSet: service.snapshot.rules(.en).session.prepared.ruleSet, limits: limits)
        if loaded.refused != nil {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            if let duplicate = errors.first(where: { $0.code == RuleEngineCode.decisionDuplicate.rawValue }) {
                throw APIError(
                    .conflict, code: duplicate.code,
                    message: "\(path) already holds a decision for this finding in force at the same time; "
                        + "change or remove that one in the file",
                    diagnostics: [duplicate])
            }
            throw APIError(
                .conflict, code: DecisionRequestCode.cannotAppend.rawValue,
                message: "appending to \(path) would not give a valid decisions file (its decisions list must be "
                    + "the last thing in the file, in block style)",
                diagnostics: errors)
        }
        let (written, _) = DecisionsLoader.load(bytes: texts[position].bytes, file: path, schema: schema, limits: limits)
        guard let written, written.count == existing.count + 1, written.last?.identity == entry.request.identity else {
            throw Self.refusal(
                .conflict, .cannotAppend, nil,
                "appending to \(path) did not add the decision as its last entry; its decisions list must be the last "
                    + "thing in the file, in block style")
        }
        let failed = { (error: CLIError) in
            Self.refusal(
                .internalServerError, .writeFailed, nil, "could not write \(path), which is left as it was: \(error.description)")
        }
        let writer: AtomicWriter
        do throws(CLIError) {
            writer = try AtomicWriter(path: path)
            try writer.write(new)
        } catch { throw failed(error) }
        // A request that passed --request-timeout has been answered 503: it writes nothing.
        if service.options.evaluationLimits.cancellation?.isCancelled == true {
            writer.discard()
            throw AppraiseServer.timedOut(service.options.requestTimeout)
        }
        do throws(CLIError) { try writer.commit() } catch { throw failed(error) }
        return Answer(status: .created, text: entry.json(file: path, line: line))
    }

    static func refusal(
        _ status: HTTPResponse.Status, _ code: DecisionRequestCode, _ path: String?, _ message: String
    ) -> APIError {
        APIError(
            status, code: code.rawValue, message: message,
            diagnostics: [Diagnostic(code: code.rawValue, message: message, location: nil, path: path)])
    }
}
