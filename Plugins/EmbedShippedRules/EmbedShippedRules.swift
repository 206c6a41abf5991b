import Foundation
import PackagePlugin

/// Embeds the shipped rule set (`rules/`: rule files, schema, calendar, tests) in the
/// `appraise` executable as generated Swift source, so that a copied or installed binary works
/// without the checkout beside it. Generated at every build from the files themselves, so the
/// embedded set cannot drift from `rules/` (a test checks the digests match as well).
@main
struct EmbedShippedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        var inputs: [URL] = [rules]
        if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { inputs.append(url) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRuleFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the shipped rules/ in appraise",
                executable: try context.tool(named: "EmbedRulesTool").url,
                arguments: [rules.path, output.path],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
