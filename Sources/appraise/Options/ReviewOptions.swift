import ArgumentParser
import Screening

/// `--decisions` and `--baseline` of `check` and `screen` (`decisions.md`).
struct ReviewOptions: ParsableArguments {
    @Option(
        name: .customLong("decisions"),
        help: ArgumentHelp("A review decisions file, format decisions/1 (repeatable).", valueName: "FILE"))
    var decisionFiles: [String] = []

    @Option(
        help: ArgumentHelp(
            "A JSON report of an earlier run: mark each finding new, unchanged or updated, and list the absent ones.",
            valueName: "OLD.json"))
    var baseline: String?
}
