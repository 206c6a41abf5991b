import ArgumentParser

/// Benchmarks for appraise: a generator of synthetic dossiers and a runner that measures
/// screening against libyaml's own event parsing, the floor no screening can beat.
@main
struct AppraiseBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appraise-bench",
        abstract: "Generate synthetic dossiers and measure appraise against libyaml's parsing floor.",
        subcommands: [Generate.self, Run.self, Profile.self]
    )
}
