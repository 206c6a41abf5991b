import RuleEngine

/// ANSI colour for the text report. Only used when the caller asked for colour (it decides
/// from the terminal and `NO_COLOR`); otherwise every function returns its text unchanged.
struct ANSI: Sendable {
    let enabled: Bool

    private static let reset = "\u{1B}[0m"

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    func verdict(_ text: String, _ verdict: Verdict) -> String {
        switch verdict {
        case .eligible: wrap(text, "1;32")
        case .review: wrap(text, "1;33")
        case .ineligible: wrap(text, "1;31")
        case .invalid: wrap(text, "1;35")
        }
    }

    func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .disqualify: wrap(text, "31")
        case .error: wrap(text, "35")
        case .review: wrap(text, "33")
        case .note: wrap(text, "36")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m" + text + Self.reset : text
    }
}
