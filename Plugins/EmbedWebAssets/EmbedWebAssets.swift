import Foundation
import PackagePlugin

/// Embeds what the server answers from its binary as generated Swift source, as
/// EmbedShippedRules embeds `rules/`, so that an installed `appraise serve` needs no files
/// beside it and nothing from the internet: the web app's assets (`Sources/Server/WebApp/Assets`:
/// style sheet and JavaScript modules) and the OpenAPI document `docs/openapi.json`, which is so
/// the one copy of it (`/v1/openapi.json` answers its bytes).
@main
struct EmbedWebAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let tool = try context.tool(named: "EmbedRulesTool").url
        let assets = target.directoryURL.appending(path: "WebApp/Assets")
        var inputs: [URL] = [assets]
        if let walker = FileManager.default.enumerator(at: assets, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { inputs.append(url) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedWebAssets.swift")
        let openAPI = context.package.directoryURL.appending(path: "docs/openapi.json")
        let openAPIOutput = context.pluginWorkDirectoryURL.appending(path: "EmbeddedOpenAPIDocument.swift")
        return [
            .buildCommand(
                displayName: "Embedding the web app's assets in appraise serve",
                executable: tool,
                arguments: [assets.path, output.path, "EmbeddedWebAssets"],
                inputFiles: inputs,
                outputFiles: [output]),
            .buildCommand(
                displayName: "Embedding docs/openapi.json in appraise serve",
                executable: tool,
                arguments: [openAPI.path, openAPIOutput.path, "EmbeddedOpenAPIDocument"],
                inputFiles: [openAPI],
                outputFiles: [openAPIOutput]),
        ]
    }
}
