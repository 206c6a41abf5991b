import RuleEngine

/// The reports' words for verdicts, severities, decision outcomes and decision states, and
/// their way of writing a value and a location, for the web app of `appraise serve`, so that a
/// page says exactly what the HTML report says.
public enum ReportVocabulary {
    public static func verdict(_ verdict: Verdict, language: String) -> String {
        ReportLabels.forLanguage(language).verdict(verdict)
    }

    public static func severity(_ severity: Severity, language: String) -> String {
        ReportLabels.forLanguage(language).severity(severity)
    }

    public static func outcome(_ outcome: DecisionOutcome, language: String) -> String {
        ReviewLabels.forLanguage(language).outcome(outcome)
    }

    public static func status(_ status: DecisionStatus, language: String) -> String {
        ReviewLabels.forLanguage(language).status(status)
    }

    /// An evidence value as the reports print it (`2024-05-01`, `1650000000`, `[a, b]`).
    public static func value(_ value: EvidenceValue) -> String { ReportText.value(value) }

    /// A date as people read it in `language` (`DD/MM/YYYY` in Vietnamese).
    public static func date(_ iso: String, language: String) -> String { ReportLabels.forLanguage(language).date(iso) }
}
