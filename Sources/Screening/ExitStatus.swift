/// The exit codes of `cli.md`: 0 clean, 1 findings at or above `--fail-on`, 2 bad input
/// (unreadable or invalid files, bad rules, a wrong command line). 2 wins over 1.
public enum ExitStatus: Int32, Comparable, Sendable {
    case clean = 0
    case findings = 1
    case badInput = 2

    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The lowest finding severity that makes `check` and `screen` exit 1 (`--fail-on`).
public enum FailOn: String, CaseIterable, Sendable {
    case review, disqualify, never
}
