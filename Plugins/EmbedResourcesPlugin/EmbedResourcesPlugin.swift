import Foundation
import PackagePlugin

/// Embeds every file of the package's top-level `Resources/` folder into the target as Swift source.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let names = try FileManager.default.contentsOfDirectory(atPath: resources.path)
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }
            .sorted()
        let inputs = names.map { resources.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) resource files",
                executable: try context.tool(named: "EmbedResources").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
