import CEL
import Hummingbird
import HummingbirdCore
import Reports
import Screening

/// A request's query parameters, checked: an unknown name, an invalid `as_of`, a `lang` other
/// than en/vi or a bad `format` answers 400 with a JSON error, never a default silently.
public struct Query: Sendable {
    private var values: [String: String] = [:]

    /// No parameters: every default, with the server's limits.
    init() {}

    /// Reads the query, refusing names not in `allowed` and names given twice.
    public init(_ uri: URI, allowed: Set<String>) throws(APIError) {
        for (key, value) in uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                let known = allowed.isEmpty ? "none" : allowed.sorted().joined(separator: ", ")
                throw APIError(
                    .badRequest, code: "request.unknown-parameter",
                    message: "unknown query parameter '\(name)'; this endpoint takes: \(known)")
            }
            guard values[name] == nil else {
                throw APIError(.badRequest, code: "request.repeated-parameter", message: "query parameter '\(name)' is given twice")
            }
            values[name] = String(value)
        }
    }

    public var name: String? { values["name"] }

    /// A parameter's value as given, for the parameters an endpoint reads as plain text.
    func value(_ name: String) -> String? { values[name] }

    /// The web app's language: Vietnamese unless `lang=en` (the API's default is English).
    func pageLanguage() throws(APIError) -> Language {
        values["lang"] == nil ? .vi : try language()
    }

    public func language() throws(APIError) -> Language {
        guard let text = values["lang"] else { return .en }
        guard let language = Language(rawValue: text) else {
            throw APIError(.badRequest, code: "request.invalid-lang", message: "lang must be en or vi, not '\(text)'")
        }
        return language
    }

    public func format() throws(APIError) -> ReportFormat {
        guard let text = values["format"] else { return .json }
        guard let format = ReportFormat(rawValue: text), format != .text else {
            throw APIError(
                .badRequest, code: "request.invalid-format",
                message: "format must be json, jsonl, sarif, csv, html or markdown, not '\(text)'")
        }
        return format
    }

    public func flag(_ name: String) throws(APIError) -> Bool {
        switch values[name] {
        case nil, "false", "0": return false
        case "", "true", "1": return true
        case let text?:
            throw APIError(.badRequest, code: "request.invalid-flag", message: "\(name) must be true or false, not '\(text)'")
        }
    }

    /// The screening options of `as_of`, `lang` and `explain`, with the server's limits.
    func screeningOptions(_ server: ServerOptions) throws(APIError) -> ScreeningOptions {
        var options = ScreeningOptions(toolVersion: server.toolVersion)
        options.asOf = values["as_of"]
        if let asOf = options.asOf {
            do { _ = try EvaluationDate.parse(option: asOf) } catch {
                throw APIError(
                    .badRequest, code: "request.invalid-as-of",
                    message: "as_of must be a date YYYY-MM-DD that exists, not '\(asOf)'")
            }
        }
        options.language = try language()
        options.explain = try flag("explain")
        options.limits = server.limits
        options.evaluationLimits = server.evaluationLimits
        return options
    }
}
