/// A module's catalogue of diagnostic codes: one case per stable code with a one-line meaning,
/// so that a code is written in one place and `docs/error-codes.md` is generated from the cases
/// (`appraise error-codes`), never kept by hand.
public protocol DiagnosticCodeCatalogue: CaseIterable, Sendable, RawRepresentable where RawValue == String {
    /// What the code means, in one line for the reference table.
    var meaning: String { get }
}

/// One catalogue's rows for the generated reference, in the order of its cases.
public struct DiagnosticCodeSection: Sendable {
    public var title: String
    public var rows: [(code: String, meaning: String)]

    public init<Catalogue: DiagnosticCodeCatalogue>(_ title: String, _ catalogue: Catalogue.Type) {
        self.title = title
        rows = catalogue.allCases.map { ($0.rawValue, $0.meaning) }
    }

    /// `docs/error-codes.md`: one table per module, so a reader finds a code next to its kin.
    public static func markdown(_ sections: [DiagnosticCodeSection]) -> String {
        var text = "# Diagnostic and error codes\n\n"
        text += "Every code appraise prints in `[brackets]`, in JSON `code` and in SARIF `ruleId` of a "
        text += "diagnostic. This page is generated from the catalogues in the source "
        text += "(`appraise error-codes` prints it); a test fails when it differs.\n"
        for section in sections {
            text += "\n## \(section.title)\n\n| Code | Meaning |\n|---|---|\n"
            for row in section.rows { text += "| `\(row.code)` | \(row.meaning) |\n" }
        }
        return text
    }
}
