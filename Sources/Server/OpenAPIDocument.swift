/// The OpenAPI 3.1 description of the API, answered at `/v1/openapi.json`: the bytes of
/// `docs/openapi.json`, embedded at build time by the EmbedWebAssets plugin, so the document
/// has one copy (edit `docs/openapi.json`; a test checks it against the answers).
enum OpenAPIDocument {
    static let json: String = EmbeddedOpenAPIDocument.files[0].text
}
