import Hummingbird
import Reports
import RuleEngine
import Screening

/// The web app of `serve.md` ("The web app"): server-rendered pages over the same screening
/// the JSON API answers (a `ReportCapture` of the same run), readable without JavaScript
/// and printable; the script modules under `/assets/` only enhance them.
extension AppraiseServer {
    static let htmlType = "text/html; charset=utf-8"

    func addWebRoutes(to router: Router<BasicRequestContext>, workspace: Workspace?) {
        let pageQuery: Set<String> = ["lang"]
        router.get("/") { request, _ in
            await self.answerNamingCaller(request, Endpoint(query: pageQuery, evaluates: true, page: true)) { _, query, service, caller throws(APIError) in
                let page = WebPage(language: try query.pageLanguage(), path: "/", caller: caller)
                var slates: [(name: String, report: Report)] = []
                for (name, path) in workspace?.slateFiles() ?? [] {
                    slates.append((name, try WebReports.slate(path, service: service, language: page.language, explain: false)))
                }
                return Answer(contentType: Self.htmlType, text: WorkspacePage(page: page, hasWorkspace: workspace != nil, slates: slates).html)
            }
        }
        router.get("/rules") { request, _ in
            await self.answerNamingCaller(request, Endpoint(query: pageQuery, page: true)) { _, query, service, caller throws(APIError) in
                let page = WebPage(language: try query.pageLanguage(), path: "/rules", caller: caller)
                return Answer(contentType: Self.htmlType, text: RulesPage(page: page, rules: service.snapshot.rules(page.language)).html)
            }
        }
        router.get("/playground") { request, _ in
            await self.answerNamingCaller(request, Endpoint(query: ["lang", "rule"], page: true)) { _, query, service, caller throws(APIError) in
                var page = WebPage(language: try query.pageLanguage(), path: "/playground", caller: caller)
                let ruleID = query.value("rule")
                if let ruleID { page.query = [("rule", ruleID)] }
                let dossiers = workspace.map { WebReports.dossierFiles(in: $0) } ?? []
                let playground = try PlaygroundPage(
                    page: page, rules: service.snapshot.rules(page.language), ruleID: ruleID, dossiers: dossiers)
                return Answer(contentType: Self.htmlType, text: playground.html)
            }
        }
        router.get("/assets/{name}") { request, context in
            let name = context.parameters.get("name") ?? ""
            return await self.answer(request, Endpoint(open: true)) { _, _, _ throws(APIError) in try WebAssets.answer(name) }
        }
        guard let workspace else { return }
        router.get("/slates/{slate}") { request, context in
            let name = context.parameters.get("slate") ?? ""
            return await self.answerNamingCaller(request, Endpoint(query: pageQuery, evaluates: true, page: true)) { _, query, service, caller throws(APIError) in
                let page = WebPage(language: try query.pageLanguage(), path: "/slates/" + Escaping.uriPath(name), caller: caller)
                let report = try WebReports.slate(
                    try workspace.slate(named: name), service: service, language: page.language, explain: false)
                return Answer(contentType: Self.htmlType, text: SlatePage(page: page, name: name, report: report).html)
            }
        }
        router.get("/candidates/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.answerNamingCaller(request, Endpoint(query: pageQuery, evaluates: true, page: true)) { _, query, service, caller throws(APIError) in
                let page = WebPage(language: try query.pageLanguage(), path: "/candidates/" + Escaping.uriPath(id), caller: caller)
                let found = try WebReports.candidate(id: id, workspace: workspace, service: service, language: page.language)
                let sheet = CandidatePage(
                    page: page, slateName: found.slateName, report: found.report, candidate: found.candidate,
                    source: found.source, decidedByField: self.options.tokens == nil)
                return Answer(contentType: Self.htmlType, text: sheet.html)
            }
        }
    }
}

/// The reports the pages are rendered from: a workspace slate screened as `GET
/// /v1/slates/{slate}/report` screens it (its `decisions:` applied), kept as a value.
enum WebReports {
    static func slate(_ path: String, service: ScreeningService, language: Language, explain: Bool) throws(APIError) -> Report {
        var screening = try Query().screeningOptions(service.options)
        screening.language = language
        screening.explain = explain
        let output = ReportCapture()
        _ = try service.screenSlateFile(path, screening: screening, output: output)
        guard let report = output.report else {
            throw APIError(.internalServerError, code: "server.internal", message: "the screening wrote no report")
        }
        return report
    }

    /// The candidate whose `candidate.id` is `id` in the first workspace slate that lists it,
    /// screened with `--explain`, and the dossier's text.
    static func candidate(
        id: String, workspace: Workspace, service: ScreeningService, language: Language
    ) throws(APIError) -> (slateName: String, report: Report, candidate: CandidateResult, source: String) {
        guard !id.isEmpty, !id.contains("/"), !id.contains("\0"), !id.contains("..") else {
            throw APIError(.badRequest, code: "request.invalid-id", message: "a candidate id has no '/', '..' or NUL")
        }
        for (name, path) in workspace.slateFiles() {
            let report = try slate(path, service: service, language: language, explain: true)
            guard let candidate = report.candidates.first(where: { $0.id == id }) else { continue }
            guard case .success(let bytes) = FileReader.read(candidate.file, limit: service.options.limits.maxFileBytes) else {
                throw APIError(.notFound, code: "workspace.unreadable", message: "the dossier of '\(id)' cannot be read")
            }
            return (name, report, candidate, String(decoding: bytes, as: UTF8.self))
        }
        throw APIError(.notFound, code: "workspace.no-such-candidate", message: "no candidate with id '\(id)' in the workspace")
    }

    /// The dossier files of the workspace (every YAML file that is not a slate), by path
    /// relative to it, for the playground's picker.
    static func dossierFiles(in workspace: Workspace) -> [(name: String, path: String)] {
        let slates = Set(workspace.slateFiles().map(\.path))
        let dossiers = DossierFinder.yamlFiles(below: workspace.folder).files.filter { path in
            guard !slates.contains(path), case .success(let bytes) = FileReader.read(path, limit: 1 << 20) else { return false }
            return !String(decoding: bytes, as: UTF8.self).contains("format: decisions/")
        }
        return dossiers.map { path in
            (path.hasPrefix(workspace.folder + "/") ? String(path.dropFirst(workspace.folder.count + 1)) : path, path)
        }
    }
}
