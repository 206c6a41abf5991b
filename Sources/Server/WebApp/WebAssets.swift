/// The web app's style sheet and script modules, embedded at build time from
/// `WebApp/Assets/` (`EmbeddedWebAssets`, by the EmbedWebAssets plugin): served from the
/// binary, nothing from the internet, no build step.
enum WebAssets {
    static func contentType(_ name: String) -> String? {
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return nil
    }

    /// `GET /assets/{name}`: one asset by its file name, 404 for anything else.
    static func answer(_ name: String) throws(APIError) -> Answer {
        guard let type = contentType(name), let file = EmbeddedWebAssets.files.first(where: { $0.path == name }) else {
            throw APIError(.notFound, code: "http.404", message: "no asset named '\(name)'")
        }
        return Answer(contentType: type, text: file.text)
    }
}
