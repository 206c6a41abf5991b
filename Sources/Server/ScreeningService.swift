#if canImport(Glibc)
import Glibc
#endif
import CEL
import Diagnostics
import Hummingbird
import Reports
import RuleEngine
import Screening
import YAML

/// The answers of the screening endpoints, computed by the same library calls as `check` and
/// `screen`, so that the JSON is byte for byte what the CLI prints. Synchronous and CPU-bound:
/// the server runs it off the event loops.
public struct ScreeningService: Sendable {
    public let snapshot: RuleSetSnapshot
    public let options: ServerOptions

    public init(snapshot: RuleSetSnapshot, options: ServerOptions) {
        self.snapshot = snapshot
        self.options = options
    }

    /// The English rule set, for what does not depend on the language (the schema, digests).
    var rules: LoadedRules { snapshot.rules(.en) }

    /// `POST /v1/check`: one dossier's JSON report; 422 when the dossier is invalid.
    /// The setup and the report header come from the rule set's `CheckSetupCache`; the report
    /// is kept as a value and written after that header, the same bytes as `check` prints.
    public func check(_ bytes: [UInt8], query: Query) throws(APIError) -> Answer {
        var screening = try query.screeningOptions(options)
        screening.jobs = 1
        let name = query.name ?? "dossier.yaml"
        let capture = ReportCapture()
        let prepared: CheckSetupCache.Entry
        let status: ExitStatus
        do {
            prepared = try snapshot.checkSetups.entry(options: screening, rules: snapshot.rules(screening.language))
            let setup = prepared.setup.with(evaluationLimits: screening.evaluationLimits)
            status = try setup.run(files: PathList([name]), documents: [bytes], outputs: [capture]).status
        } catch {
            throw APIError(.badRequest, code: "request.invalid", message: error.description)
        }
        guard let report = capture.report else {
            throw APIError(.internalServerError, code: "server.internal", message: "the check wrote no report")
        }
        return Answer(
            status: status == .badInput ? .unprocessableContent : .ok,
            body: ByteBuffer(bytes: JSONReporter.renderUTF8(report, after: prepared.header)))
    }

    /// `POST /v1/screen`: a slate (or none) and its dossiers by name, in any report format.
    public func screen(_ request: ScreenRequest, query: Query) throws(APIError) -> Answer {
        let screening = try query.screeningOptions(options)
        let format = try query.format()
        var slate: SlateFile?
        var names = DossierFinder.sortedByBytes(Array(request.dossiers.keys))
        if let slateText = request.slate {
            let (loaded, diagnostics) = SlateFileLoader.load(
                bytes: Array(slateText.utf8), file: ScreenRequest.slateName, schema: snapshot.rules(screening.language).schema,
                limits: options.limits, options: ValidationOptions(strict: false))
            guard let loaded else {
                throw APIError(
                    .unprocessableContent, code: InputCode.invalidSlate.rawValue, message: "the slate is not valid",
                    diagnostics: diagnostics)
            }
            slate = loaded
            names = names.filter { name in
                name != ScreenRequest.slateName && loaded.candidatePatterns.contains { GlobMatch.matches($0.text, name) }
            }
        }
        let decisions = try loadDecisions(request.decisions ?? [], language: screening.language)
        let output = MemoryReportOutput(format: format)
        _ = try run(
            files: names, documents: names.map { Array((request.dossiers[$0] ?? "").utf8) }, slate: slate,
            style: .screen, options: screening, output: output, decisions: decisions)
        return Answer(contentType: format.mediaType, text: output.text)
    }

    /// Screens a slate file of the workspace as `screen PATH` does, into `output`.
    func screenSlateFile(
        _ path: String, query: Query?, output: any ReportOutput
    ) throws(APIError) -> (SlateFile, Report.Summary) {
        let screening = try (query ?? Query()).screeningOptions(options)
        return try screenSlateFile(path, screening: screening, output: output)
    }

    /// Screens a slate file of the workspace with `screening`'s options, into `output`.
    func screenSlateFile(
        _ path: String, screening: ScreeningOptions, output: any ReportOutput
    ) throws(APIError) -> (SlateFile, Report.Summary) {
        let (slate, diagnostics, files) = try loadSlate(path, schema: snapshot.rules(screening.language).schema)
        guard let slate else {
            throw APIError(.unprocessableContent, code: InputCode.invalidSlate.rawValue, message: "the slate \(path) is not valid",
                           diagnostics: diagnostics)
        }
        // The slate's own decision files (`decisions:`) apply, as `screen SLATE` applies them.
        let decisionFiles: [String]
        var documents: [(name: String, bytes: [UInt8])] = []
        do throws(CLIError) {
            decisionFiles = try SlateTarget.decisionFiles(of: slate)
            for file in decisionFiles {
                switch FileReader.read(file, limit: options.limits.maxFileBytes) {
                case .success(let bytes): documents.append((file, bytes))
                case .failure(let failure): throw CLIError.io(path: file, reason: failure.message)
                }
            }
        } catch {
            throw APIError(.unprocessableContent, code: InputCode.invalidDecisions.rawValue, message: error.description)
        }
        let decisions = try checkDecisions(documents, language: screening.language)
        let (_, summary) = try run(
            files: files.filter { !decisionFiles.contains($0) }, documents: nil, slate: slate, style: .screen,
            options: screening, output: output, decisions: decisions)
        return (slate, summary)
    }

    /// The dossier file of a workspace slate whose `candidate.id` is `id`: its text and its
    /// report entry (JSON), or nil when the slate does not list it.
    func findCandidate(id: String, slatePath: String, query: Query) throws(APIError) -> (file: String, text: String, entry: String)? {
        let screening = try query.screeningOptions(options)
        let rules = snapshot.rules(screening.language)
        let (slate, _, files) = try loadSlate(slatePath, schema: rules.schema)
        guard let slate else { return nil }
        let setup: ScreeningSetup
        do {
            setup = try ScreeningSetup.make(
                options: screening, slate: slate, style: .screen, session: rules.session, schema: rules.schema,
                context: rules.context)
        } catch {
            throw APIError(.badRequest, code: "request.invalid", message: error.description)
        }
        for file in files {
            guard case .success(let bytes) = FileReader.read(file, limit: options.limits.maxFileBytes) else { continue }
            let screened = setup.screener.screen(bytes: bytes, file: file)
            if screened.result.id == id {
                return (file, String(decoding: bytes, as: UTF8.self), JSONReporter.candidateLine(screened.result))
            }
        }
        return nil
    }

    private func loadSlate(_ path: String, schema: Schema) throws(APIError) -> (SlateFile?, [Diagnostic], [String]) {
        do {
            return try SlateTarget.load(path, schema: schema, limits: options.limits, strict: false)
        } catch {
            throw APIError(.notFound, code: "workspace.unreadable", message: error.description)
        }
    }

    /// The review decisions of a request (decisions.md), checked as `--decisions` files are:
    /// one text is named `decisions.yaml`, several `decisions-i.yaml`, in diagnostics and the
    /// digest; any error answers
    /// 422 with the located diagnostics, so an invalid file never clears a finding.
    private func loadDecisions(_ texts: [String], language: Language) throws(APIError) -> DecisionLedger? {
        // One text is `decisions.yaml`, the name a slate's decisions file usually has, so that the
        // report's decisions digest is that of `screen` with the same file beside the slate.
        let documents = texts.count == 1
            ? [(name: "decisions.yaml", bytes: Array(texts[0].utf8))]
            : texts.enumerated().map { (name: "decisions-\($0.offset + 1).yaml", bytes: Array($0.element.utf8)) }
        return try checkDecisions(documents, language: language)
    }

    private func checkDecisions(
        _ documents: [(name: String, bytes: [UInt8])], language: Language
    ) throws(APIError) -> DecisionLedger? {
        let rules = snapshot.rules(language)
        let loaded = DecisionDocuments.load(
            documents, schema: rules.schema, ruleSet: rules.session.prepared.ruleSet, limits: options.limits)
        if let refused = loaded.refused {
            throw APIError(
                .unprocessableContent, code: InputCode.invalidDecisions.rawValue, message: "the decisions \(refused) are not valid",
                diagnostics: loaded.diagnostics)
        }
        return loaded.ledger
    }

    func run(
        files: [String], documents: [[UInt8]]?, slate: SlateFile?, style: TextStyle, options: ScreeningOptions,
        output: any ReportOutput, decisions: DecisionLedger? = nil
    ) throws(APIError) -> (status: ExitStatus, summary: Report.Summary) {
        let rules = snapshot.rules(options.language)
        let slateRules = slate == nil ? [] : rules.session.prepared.compiled.rules.filter { $0.rule.scope == .slate }
        do {
            var setup = try ScreeningSetup.make(
                options: options, slate: slate, slateRules: slateRules, style: style, session: rules.session,
                schema: rules.schema, context: rules.context)
            setup.decisions = decisions
            let slateLocation = slate?.value.origin.map { FindingLocation($0, path: "slate") }
            return try setup.run(files: PathList(files), documents: documents, outputs: [output], slateLocation: slateLocation)
        } catch {
            throw APIError(.badRequest, code: "request.invalid", message: error.description)
        }
    }

    /// `GET /v1/rules`: what `rules list --format json` prints.
    public func rulesList(query: Query) throws(APIError) -> Answer {
        let language = try query.language()
        let prepared = snapshot.rules(language).session.prepared
        let listing = RulesListing(
            rules: prepared.ruleSet.rules, parameters: prepared.parameters.parameters, language: language.rawValue)
        return Answer(text: listing.json)
    }

    /// `GET /v1/schema`: the dossier JSON Schema, as `schema --json-schema` prints it.
    public func schema() -> Answer {
        Answer(text: JSONSchemaExporter.export(rules.schema, document: .dossier, strict: false).rendered())
    }

    /// `GET /v1/version`: the tool, the rule set in use, and why a newer edit was not taken.
    public func version(reloadError: String?) -> Answer {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("tool")
        writer.beginObject()
        writer.field("name", "appraise")
        writer.field("version", options.toolVersion)
        writer.endObject()
        writer.key("rules")
        writer.beginObject()
        writer.field("count", rules.session.prepared.ruleSet.count)
        writer.field("digest", rules.session.prepared.ruleSet.digest)
        writer.endObject()
        writer.key("schema")
        writer.beginObject()
        writer.field("digest", rules.schemaDigest)
        writer.endObject()
        writer.key("reload")
        writer.beginObject()
        writer.key("ok")
        writer.bool(reloadError == nil)
        writer.field("error", reloadError)
        writer.endObject()
        writer.endObject()
        return Answer(text: writer.output + "\n")
    }
}

/// The body of `POST /v1/screen` (`serve.md`).
public struct ScreenRequest: Decodable, Sendable {
    public var slate: String?
    public var dossiers: [String: String]
    /// Review decisions files' texts (format decisions/1), applied as `--decisions` applies them.
    public var decisions: [String]?

    /// The name the slate has in the report (its `slate.file`): a slate sent in a request has
    /// no path, and the dossiers' names are relative to it as in the CLI.
    public static let slateName = "slate.yaml"
}

/// Matches a dossier name against a slate's `candidates` glob, one path component at a time
/// and with a leading dot matched only explicitly, as the CLI's `DossierFinder` does on disk.
enum GlobMatch {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let patternParts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let nameParts = name.split(separator: "/", omittingEmptySubsequences: true)
        guard patternParts.count == nameParts.count else { return false }
        return zip(patternParts, nameParts).allSatisfy { fnmatch(String($0), String($1), FNM_PERIOD) == 0 }
    }
}

extension ReportFormat {
    /// The content type a report of this format is answered with.
    var mediaType: String {
        switch self {
        case .json: MediaTypes.json
        case .jsonl: "application/jsonl; charset=utf-8"
        case .sarif: "application/sarif+json; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .text: "text/plain; charset=utf-8"
        }
    }
}
