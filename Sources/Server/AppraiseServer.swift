import CEL
import Diagnostics
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Reports
import RuleEngine
import Screening
import ServiceLifecycle
import Synchronization

/// `appraise serve`: the JSON API of `serve.md` on Hummingbird, over the screening library.
/// Every endpoint goes through `answer`, which authenticates, checks the query and the body,
/// bounds the work in time and in concurrency, and writes the audit line.
public final class AppraiseServer: Sendable {
    public let options: ServerOptions
    public let store: RuleSetStore
    public let limiter: EvaluationLimiter
    /// The web app's sign-in sessions (used only with `--tokens`).
    public let sessions: SessionStore
    let audit: AuditLog?
    /// Works running on their request's own thread now, at most `inlineLimit`.
    private let inlineRunning = Atomic<Int>(0)
    /// One core less than the machine has: the threads that run requests (the event loops,
    /// see `runTasksOnEventLoops`, else Swift's cooperative pool) are one a core, so an inline
    /// work never holds all of them and a health check or a 503 is still answered at once.
    let inlineLimit = max(0, ProcessInfo.processInfo.activeProcessorCount - 1)
    /// The largest body `smallBodyRunsInline` applies to.
    static let inlineBodyBytes = 64 << 10

    public init(options: ServerOptions, store: RuleSetStore) throws(CLIError) {
        guard options.tokens != nil || ServerOptions.isLoopback(options.host) else {
            throw CLIError.usage(
                "refusing to listen on \(options.host) without --tokens: dossiers are personal data; "
                    + "bind to 127.0.0.1 or pass --tokens FILE")
        }
        self.options = options
        self.store = store
        self.sessions = SessionStore(idleSeconds: options.sessionIdleSeconds, absoluteSeconds: options.sessionAbsoluteSeconds)
        self.limiter = EvaluationLimiter(maxRunning: options.maxConcurrent, maxWaiting: options.maxWaiting)
        self.audit = try options.auditLogPath.map { path throws(CLIError) in try AuditLog(path: path) }
    }

    /// What an endpoint reads and who may call it.
    struct Endpoint: Sendable {
        var role: Role = .viewer
        var query: Set<String> = []
        /// The content type of the body, nil for an endpoint without one.
        var body: String?
        /// Whether it evaluates rules, and so takes a slot of `--max-concurrent`.
        var evaluates = false
        /// Whether a body of at most `inlineBodyBytes` is evaluated on the request's own thread
        /// (bounded work: the server's rules on one small dossier).
        var smallBodyRunsInline = false
        /// A web page: without a valid token or session it redirects to `/login` (303), not 401.
        var page = false
        /// Answered without authentication: the sign-in page and the static assets it needs.
        var open = false
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.get("/healthz") { request, _ in
            await self.answer(request, Endpoint()) { _, _, _ throws(APIError) in Answer(text: "{\"status\": \"ok\"}\n") }
        }
        router.get("/v1/version") { request, _ in
            await self.answer(request, Endpoint()) { _, _, service throws(APIError) in
                service.version(reloadError: self.store.reloadError)
            }
        }
        router.get("/v1/openapi.json") { request, _ in
            await self.answer(request, Endpoint()) { _, _, _ throws(APIError) in Answer(text: OpenAPIDocument.json) }
        }
        router.get("/v1/rules") { request, _ in
            await self.answer(request, Endpoint(query: ["lang"])) { _, query, service throws(APIError) in
                try service.rulesList(query: query)
            }
        }
        router.get("/v1/schema") { request, _ in
            await self.answer(request, Endpoint()) { _, _, service throws(APIError) in service.schema() }
        }
        // Made once, not per request (its set of names is an allocation).
        let checkEndpoint = Endpoint(
            query: ["as_of", "lang", "explain", "name"], body: MediaTypes.yaml, evaluates: true, smallBodyRunsInline: true)
        router.post("/v1/check") { request, _ in
            await self.answer(request, checkEndpoint) { body, query, service throws(APIError) in
                try service.check(body, query: query)
            }
        }
        router.post("/v1/screen") { request, _ in
            let endpoint = Endpoint(query: ["as_of", "lang", "explain", "format"], body: "application/json", evaluates: true)
            return await self.answer(request, endpoint) { body, query, service throws(APIError) in
                try service.screen(try Self.decodeScreenRequest(body), query: query)
            }
        }
        router.post("/v1/playground") { request, _ in
            let endpoint = Endpoint(role: .author, query: ["as_of", "lang"], body: "application/json", evaluates: true)
            return await self.answer(request, endpoint) { body, query, service throws(APIError) in
                try service.playground(
                    try Self.decodePlaygroundRequest(body),
                    dossierFiles: self.options.workspace.map { WebReports.dossierFiles(in: Workspace(folder: $0)) } ?? [],
                    query: query)
            }
        }
        if options.tokens != nil { addLoginRoutes(to: router) }
        addWebRoutes(to: router, workspace: options.workspace.map { Workspace(folder: $0) })
        if let folder = options.workspace {
            let workspace = Workspace(folder: folder)
            router.get("/v1/slates") { request, _ in
                await self.answer(request, Endpoint(evaluates: true)) { _, _, service throws(APIError) in
                    try workspace.slates(service: service)
                }
            }
            router.get("/v1/slates/{slate}/report") { request, context in
                let slate = context.parameters.get("slate") ?? ""
                let endpoint = Endpoint(query: ["as_of", "lang", "explain", "format"], evaluates: true)
                return await self.answer(request, endpoint) { _, query, service throws(APIError) in
                    try workspace.report(slate: slate, service: service, query: query)
                }
            }
            router.get("/v1/candidates/{id}") { request, context in
                let id = context.parameters.get("id") ?? ""
                return await self.answer(request, Endpoint(query: ["as_of", "lang"], evaluates: true)) { _, query, service throws(APIError) in
                    try workspace.candidate(id: id, service: service, query: query)
                }
            }
            let recorder = DecisionRecorder(workspace: workspace)
            router.post("/v1/decisions") { request, _ in
                let endpoint = Endpoint(role: .reviewer, body: "application/json", evaluates: true)
                return await self.answerNamingCaller(request, endpoint) { body, _, service, caller throws(APIError) in
                    let decision = try DecisionRequest.parse(body, caller: caller?.name, today: EvaluationDate.today().description)
                    return try recorder.record(decision, service: service)
                }
            }
        }
        return router
    }

    /// The application `run` serves: the router on HTTP/1.1, where a connection that sends
    /// nothing for `idleSeconds` is closed, and so is one whose request head is not in
    /// `--header-timeout`'s seconds after it opened or after its previous answer (slow headers).
    public func application() -> some ApplicationProtocol {
        let headerTimeout = TimeAmount.nanoseconds(Int64(options.headerTimeout * 1e9))
        return Application(
            router: router(),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [HeaderDeadlineHandler(timeout: headerTimeout)],
                idleTimeout: .seconds(Self.idleSeconds))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            logger: Self.logger)
    }

    /// Makes the server's event loops (NIO's singleton group, which Hummingbird serves on) run
    /// Swift's tasks too, before any task starts: a request is then read, evaluated (when small)
    /// and answered on one thread, without the wake of a cooperative-pool thread and the hop
    /// back to the event loop that each request cost otherwise. Call it once, from the main
    /// thread, before the first task; false when it could not be installed (the server works
    /// as before, only slower). The jobs run as the generic executor would (`EventLoopExecutor`),
    /// so the awaits of a request that do not wait cost no trip through the loop's queue.
    @discardableResult
    public static func runTasksOnEventLoops() -> Bool {
        EventLoopExecutor.install()
    }

    /// Runs the server until SIGTERM or SIGINT, reloading changed rule files every second.
    public func run() async throws {
        let app = application()
        let store = self.store
        let watcher = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 1_000_000_000)
                if let reason = store.reloadIfChanged() {
                    Self.logger.warning("rules not reloaded, the last good set stays: \(reason)")
                }
            }
        }
        defer { watcher.cancel() }
        // SIGTERM or SIGINT: stop accepting, let the requests in flight finish, at most 10 s.
        var configuration = ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: Self.logger)
        configuration.maximumGracefulShutdownDuration = .seconds(Self.drainSeconds)
        try await ServiceGroup(configuration: configuration).run()
    }

    static let hostField = HTTPField.Name("Host")!
    static let idleSeconds: Int64 = 30
    static let drainSeconds: Int64 = 10

    static let logger: Logger = {
        var logger = Logger(label: "appraise.serve")
        logger.logLevel = .notice
        return logger
    }()

    /// The common path of every endpoint; `work` gets the body, the checked query and a
    /// service over the rule set current when the request arrived.
    func answer(
        _ request: Request, _ endpoint: Endpoint,
        _ work: @escaping @Sendable ([UInt8], Query, ScreeningService) throws(APIError) -> Answer
    ) async -> Response {
        await answerNamingCaller(request, endpoint) { body, query, service, _ throws(APIError) in
            try work(body, query, service)
        }
    }

    /// `answer`, where `work` also gets the caller (the token's holder, by bearer header or by
    /// session cookie) with `--tokens`, nil without.
    func answerNamingCaller(
        _ request: Request, _ endpoint: Endpoint,
        _ work: @escaping @Sendable ([UInt8], Query, ScreeningService, Caller?) throws(APIError) -> Answer
    ) async -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        var tokenName: String?
        var signedIn: Caller?
        var inputDigest: String?
        let result: Result<Answer, APIError>
        do throws(APIError) {
            if !endpoint.open {
                let caller = try authorize(request, role: endpoint.role)
                tokenName = caller?.name
                signedIn = caller
            }
            let query = try Query(request.uri, allowed: endpoint.query)
            var body: [UInt8] = []
            if let mediaType = endpoint.body {
                body = try await readBody(request, mediaType: mediaType)
                if audit != nil { inputDigest = sha256Digest(body) }
            }
            // The request's evaluations stop when it passes --request-timeout.
            let cancellation = CancellationFlag()
            var serviceOptions = options
            serviceOptions.evaluationLimits.cancellation = cancellation
            let service = ScreeningService(snapshot: store.current, options: serviceOptions)
            let caller = signedIn
            if endpoint.evaluates {
                let input = body
                let small = endpoint.smallBodyRunsInline && body.count <= Self.inlineBodyBytes
                result = .success(try await evaluate(cancellation: cancellation, small: small) { () throws(APIError) in
                    try work(input, query, service, caller)
                })
            } else {
                result = .success(try work(body, query, service, caller))
            }
        } catch {
            result = .failure(error)
        }
        var response: Response
        var resultDigest: String?
        switch result {
        case .success(let answer):
            if audit != nil { resultDigest = sha256Digest(Array(answer.body.readableBytesView)) }
            var headers = answer.headers
            headers[.contentType] = answer.contentType
            response = Response(status: answer.status, headers: headers, body: .init(byteBuffer: answer.body))
        case .failure(let error) where endpoint.page && error.status == .unauthorized:
            response = Self.redirectToLogin(request)
        case .failure(let error):
            response = error.response
        }
        audit?.append(AuditEntry(
            time: AuditLog.timestamp(), token: tokenName, method: request.method.rawValue, path: request.uri.path,
            status: response.status.code,
            durationMilliseconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6,
            inputDigest: inputDigest, resultDigest: resultDigest))
        return response
    }

    /// Who calls: the holder of the bearer token, else of the session cookie (`SessionStore`),
    /// nil without `--tokens`. 401 without either, 403 for a role that may not, and 403 for a
    /// state-changing request by cookie whose `Origin` (or `Referer`) is not this server.
    func authorize(_ request: Request, role: Role) throws(APIError) -> Caller? {
        guard let tokens = options.tokens else { return nil }
        let challenge: HTTPFields = [.wwwAuthenticate: "Bearer"]
        let missing = APIError(
            .unauthorized, code: "auth.missing-token", message: "send Authorization: Bearer TOKEN", headers: challenge)
        let caller: Caller
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer ") else { throw missing }
            guard let holder = tokens.holder(of: String(header.dropFirst("Bearer ".count))) else {
                throw APIError(.unauthorized, code: "auth.invalid-token", message: "the token is not valid", headers: challenge)
            }
            caller = Caller(name: holder.name, role: holder.role, sessionID: nil)
        } else if let id = request.cookies[SessionStore.cookieName]?.value {
            guard let session = sessions.session(id) else {
                throw APIError(
                    .unauthorized, code: "auth.invalid-session", message: "the session has ended or is unknown; sign in at /login",
                    headers: challenge)
            }
            caller = Caller(name: session.name, role: session.role, sessionID: id)
            if request.method != .get, request.method != .head, !Self.isSameOrigin(request) {
                throw APIError(
                    .forbidden, code: "auth.cross-origin",
                    message: "a request signed in by cookie must come from this server's pages (Origin or Referer)")
            }
        } else {
            throw missing
        }
        guard caller.role.allows(role) else {
            throw APIError(
                .forbidden, code: "auth.forbidden",
                message: "token '\(caller.name)' has role \(caller.role.rawValue); this endpoint needs \(role.rawValue)")
        }
        return caller
    }

    /// Whether the request's `Origin`, else its `Referer`, names the host it was sent to (the
    /// `Host` header): the CSRF defence of cookie sessions, on top of `SameSite=Strict`.
    static func isSameOrigin(_ request: Request) -> Bool {
        // HTTP/1's Host header is the request's authority; a raw `Host` field stands in when none.
        guard let host = request.head.authority ?? request.headers[Self.hostField], !host.isEmpty else { return false }
        let source = request.headers[.origin] ?? request.headers[.referer]
        guard let source, let url = URL(string: source), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let sourceHost = url.host, url.user == nil
        else { return false }
        let sourceAuthority = url.port.map { "\(sourceHost):\($0)" } ?? sourceHost
        return sourceAuthority.lowercased() == host.lowercased()
    }

    /// The body, of the endpoint's content type and at most `--max-body-bytes` (413 as soon as
    /// more arrives, without reading the rest).
    func readBody(_ request: Request, mediaType: String) async throws(APIError) -> [UInt8] {
        let given = request.headers[.contentType]?.split(separator: ";").first.map { Self.trimmingWhitespace($0).lowercased() }
        let accepted = mediaType == MediaTypes.yaml ? [mediaType, "application/x-yaml", "text/yaml"] : [mediaType]
        guard let given, accepted.contains(given) else {
            throw APIError(
                .unsupportedMediaType, code: "http.unsupported-media-type",
                message: "this endpoint takes a body of type \(mediaType), not \(given ?? "none")")
        }
        do {
            let buffer = try await request.body.collect(upTo: options.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch {
            throw APIError(
                .contentTooLarge, code: "http.body-too-large",
                message: "the body is over the limit of \(options.maxBodyBytes) bytes; raise it with --max-body-bytes")
        }
    }

    /// `text` without the white space at either end that Foundation's `.whitespaces` names
    /// (Unicode category Zs and the tab), scalar by scalar as `trimmingCharacters(in:)` trims;
    /// Foundation's trim went through `NSString`, ~13 K instructions a request.
    static func trimmingWhitespace(_ text: Substring) -> String {
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }

    /// Runs `work` under `--max-concurrent` and `--request-timeout`; past the timeout the
    /// answer is 503 at once and `cancellation` stops the work's evaluations, so its slot is
    /// free again within moments. Work that is `small` and found a free slot runs on the
    /// calling thread while fewer than `inlineLimit` do (the thread hops to a worker and back
    /// cost more than a small check; its 503 comes as soon as the cancelled evaluation
    /// returns); any other on a worker thread, so that it never blocks the event loops or
    /// Swift's cooperative pool.
    func evaluate(
        cancellation: CancellationFlag, small: Bool, _ work: @escaping @Sendable () throws(APIError) -> Answer
    ) async throws(APIError) -> Answer {
        let limiter = self.limiter
        let timeout = options.requestTimeout
        let deadline = RequestDeadline(seconds: timeout) { cancellation.cancel() }
        defer { deadline.finish() }
        // Work that waited for its slot goes to a worker: it is resumed on the thread that gave
        // the slot back, and a queue of inline works there would starve that event loop's
        // connections (p99 at 64 connections went from 30 to 200 ms).
        let waited: Bool
        switch await limiter.acquire(until: deadline) {
        case .acquired(let afterWaiting): waited = afterWaiting
        case .refused:
            throw APIError(
                .serviceUnavailable, code: "server.saturated", message: "too many requests are waiting; retry shortly",
                headers: [.retryAfter: "1"])
        case .expired: throw Self.timedOut(timeout)
        }
        let run: @Sendable () -> Result<Answer, APIError> = {
            do throws(APIError) { return .success(try work()) } catch { return .failure(error) }
        }
        let result: Result<Answer, APIError>?
        if deadline.isExpired {
            limiter.release()
            result = nil
        } else if small, !waited, takeInlineSlot() {
            let inlineResult = run()
            inlineRunning.subtract(1, ordering: .relaxed)
            limiter.release()
            // Cancelled work answers no report: past the deadline, only the 503 is true.
            result = deadline.isExpired ? nil : inlineResult
        } else {
            result = await BlockingWork.run(until: deadline) {
                defer { limiter.release() }
                return run()
            }
        }
        guard let result else { throw Self.timedOut(timeout) }
        return try result.get()
    }

    /// Counts one more work running on its caller's thread, if under `inlineLimit`.
    private func takeInlineSlot() -> Bool {
        var running = inlineRunning.load(ordering: .relaxed)
        while running < inlineLimit {
            let (exchanged, original) = inlineRunning.compareExchange(
                expected: running, desired: running + 1, ordering: .relaxed)
            if exchanged { return true }
            running = original
        }
        return false
    }

    static func timedOut(_ seconds: Double) -> APIError {
        APIError(
            .serviceUnavailable, code: "server.timeout",
            message: "the request took longer than --request-timeout (\(seconds) s)", headers: [.retryAfter: "1"])
    }

    static func decodePlaygroundRequest(_ body: [UInt8]) throws(APIError) -> PlaygroundRequest {
        do {
            return try JSONDecoder().decode(PlaygroundRequest.self, from: Data(body))
        } catch {
            throw APIError(
                .badRequest, code: "request.invalid-json",
                message: "the body must be {\"rules\": YAML text, \"dossier\": YAML text or null, \"dossier_file\": a workspace dossier or null}")
        }
    }

    static func decodeScreenRequest(_ body: [UInt8]) throws(APIError) -> ScreenRequest {
        let request: ScreenRequest
        do {
            request = try JSONDecoder().decode(ScreenRequest.self, from: Data(body))
        } catch {
            throw APIError(
                .badRequest, code: "request.invalid-json",
                message: "the body must be {\"slate\": YAML text or null, \"dossiers\": {\"name.yaml\": YAML text}, \"decisions\": [YAML text]}")
        }
        return request
    }
}
