import CEL
import Diagnostics
import Foundation
import Hummingbird
import Logging
import NIOCore
import Reports
import RuleEngine
import Screening
import ServiceLifecycle

/// `appraise serve`: the JSON API of `serve.md` on Hummingbird, over the screening library.
/// Every endpoint goes through `answer`, which authenticates, checks the query and the body,
/// bounds the work in time and in concurrency, and writes the audit line.
public final class AppraiseServer: Sendable {
    public let options: ServerOptions
    public let store: RuleSetStore
    public let limiter: EvaluationLimiter
    let audit: AuditLog?

    public init(options: ServerOptions, store: RuleSetStore) throws(CLIError) {
        guard options.tokens != nil || ServerOptions.isLoopback(options.host) else {
            throw CLIError.usage(
                "refusing to listen on \(options.host) without --tokens: dossiers are personal data; "
                    + "bind to 127.0.0.1 or pass --tokens FILE")
        }
        self.options = options
        self.store = store
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
            await self.answer(request, Endpoint()) { _, _, _ throws(APIError) in Answer(text: OpenAPIDocument.json + "\n") }
        }
        router.get("/v1/rules") { request, _ in
            await self.answer(request, Endpoint(query: ["lang"])) { _, query, service throws(APIError) in
                try service.rulesList(query: query)
            }
        }
        router.get("/v1/schema") { request, _ in
            await self.answer(request, Endpoint()) { _, _, service throws(APIError) in service.schema() }
        }
        router.post("/v1/check") { request, _ in
            let endpoint = Endpoint(query: ["as_of", "lang", "explain", "name"], body: MediaTypes.yaml, evaluates: true)
            return await self.answer(request, endpoint) { body, query, service throws(APIError) in
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
                    let decision = try DecisionRequest.parse(body, caller: caller, today: EvaluationDate.today().description)
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

    /// `answer`, where `work` also gets the caller: the name of the token with `--tokens`, nil
    /// without.
    func answerNamingCaller(
        _ request: Request, _ endpoint: Endpoint,
        _ work: @escaping @Sendable ([UInt8], Query, ScreeningService, String?) throws(APIError) -> Answer
    ) async -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        var tokenName: String?
        var inputDigest: String?
        let result: Result<Answer, APIError>
        do throws(APIError) {
            tokenName = try authorize(request, role: endpoint.role)
            let query = try Query(request.uri, allowed: endpoint.query)
            var body: [UInt8] = []
            if let mediaType = endpoint.body {
                body = try await readBody(request, mediaType: mediaType)
                inputDigest = sha256Digest(body)
            }
            // The request's evaluations stop when it passes --request-timeout.
            let cancellation = CancellationFlag()
            var serviceOptions = options
            serviceOptions.evaluationLimits.cancellation = cancellation
            let service = ScreeningService(snapshot: store.current, options: serviceOptions)
            let caller = tokenName
            if endpoint.evaluates {
                let input = body
                result = .success(try await evaluate(cancellation: cancellation) { () throws(APIError) in
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
            resultDigest = sha256Digest(Array(answer.text.utf8))
            response = Response(
                status: answer.status, headers: [.contentType: answer.contentType],
                body: .init(byteBuffer: ByteBuffer(string: answer.text)))
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

    /// The token holder's name; 401 without a valid token, 403 for a role that may not.
    func authorize(_ request: Request, role: Role) throws(APIError) -> String? {
        guard let tokens = options.tokens else { return nil }
        let challenge: HTTPFields = [.wwwAuthenticate: "Bearer"]
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(
                .unauthorized, code: "auth.missing-token", message: "send Authorization: Bearer TOKEN",
                headers: challenge)
        }
        guard let holder = tokens.holder(of: String(header.dropFirst("Bearer ".count))) else {
            throw APIError(.unauthorized, code: "auth.invalid-token", message: "the token is not valid", headers: challenge)
        }
        guard holder.role.allows(role) else {
            throw APIError(
                .forbidden, code: "auth.forbidden",
                message: "token '\(holder.name)' has role \(holder.role.rawValue); this endpoint needs \(role.rawValue)")
        }
        return holder.name
    }

    /// The body, of the endpoint's content type and at most `--max-body-bytes` (413 as soon as
    /// more arrives, without reading the rest).
    func readBody(_ request: Request, mediaType: String) async throws(APIError) -> [UInt8] {
        let given = request.headers[.contentType]?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
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

    /// Runs `work` off the event loops under `--max-concurrent` and `--request-timeout`; past
    /// the timeout the answer is 503 at once and `cancellation` stops the work's evaluations,
    /// so its slot is free again within moments.
    func evaluate(
        cancellation: CancellationFlag, _ work: @escaping @Sendable () throws(APIError) -> Answer
    ) async throws(APIError) -> Answer {
        let limiter = self.limiter
        let timeout = options.requestTimeout
        let expire: @Sendable () -> Void = { cancellation.cancel() }
        let outcome = await BlockingWork.withDeadline(seconds: timeout, onExpiry: expire) {
            isExpired -> Result<Answer, APIError>? in
            guard await limiter.acquire() else { return nil }
            guard !isExpired() else {
                await limiter.release()
                return .failure(Self.timedOut(timeout))
            }
            let result = await BlockingWork.run { () -> Result<Answer, APIError> in
                do throws(APIError) { return .success(try work()) } catch { return .failure(error) }
            }
            await limiter.release()
            return result
        }
        switch outcome {
        case nil:
            cancellation.cancel()
            throw Self.timedOut(timeout)
        case .some(nil):
            throw APIError(
                .serviceUnavailable, code: "server.saturated", message: "too many requests are waiting; retry shortly",
                headers: [.retryAfter: "1"])
        case .some(.some(let result)): return try result.get()
        }
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
