import Diagnostics

extension PreparedRuleSet {
    /// Everything `appraise rules lint` reports, sorted: loading, schema, calendar, parameter
    /// and compile problems, and examples that are not valid partial dossiers. The editor's
    /// language server shows the same list, so the two never disagree.
    public var lintDiagnostics: [Diagnostic] {
        (diagnostics + ExampleRunner(prepared: self).exampleDiagnostics()).sorted()
    }
}
