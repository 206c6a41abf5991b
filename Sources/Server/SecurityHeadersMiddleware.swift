import HTTPTypes
import Hummingbird

/// Adds the security headers of `serve.md` to every answer, and turns every error — the
/// router's 404, a body over the limit, anything unexpected — into the JSON error shape.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: HTTPFields { securityHeaders }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = error.response
        } catch let error as HTTPResponseError {
            response = APIError(
                error.status, code: "http.\(error.status.code)", message: error.status.reasonPhrase).response
        } catch {
            response = APIError(.internalServerError, code: "server.internal", message: "internal error").response
        }
        // The fields as built, appended unless the answer has one of that name already (then
        // replaced, as setting it by name would): setting a value by name checks its bytes again.
        for field in Self.headers {
            if response.headers.contains(field.name) {
                response.headers[fields: field.name] = [field]
            } else {
                response.headers.append(field)
            }
        }
        return response
    }
}

/// The headers of every answer, built once (a generic type cannot hold a stored static).
private let securityHeaders: HTTPFields = {
    var fields = HTTPFields()
    fields[HTTPField.Name("Content-Security-Policy")!] =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    // same-origin, not no-referrer: other sites still get no referrer, and the web app's own
    // form posts keep their real `Origin` (under no-referrer a browser sends `Origin: null`),
    // which the CSRF check of cookie sessions needs.
    fields[HTTPField.Name("Referrer-Policy")!] = "same-origin"
    fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
    fields[.cacheControl] = "no-store"
    return fields
}()
