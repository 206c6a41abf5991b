import Foundation
import PackagePlugin

/// Embeds the web app's assets (`Sources/Server/WebApp/Assets`: style sheet and JavaScript
/// modules) in the server as generated Swift source, as EmbedShippedRules embeds `rules/`, so
/// that an installed `appraise serve` needs no files beside it and nothing from the internet.
@main
struct EmbedWebAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let assets = target.directoryURL.appending(path: "WebApp/Assets")
        var inputs: [URL] = [assets]
        if let walker = FileManager.default.enumerator(at: assets, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { inputs.append(url) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedWebAssets.swift")
        return [
            .buildCommand(
                displayName: "Embedding the web app's assets in appraise serve",
                executable: try context.tool(named: "EmbedRulesTool").url,
                arguments: [assets.path, output.path, "EmbeddedWebAssets"],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
