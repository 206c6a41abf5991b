import CEL

/// The evidence of a finding: the dossier values the decisive part of `when` read, and its
/// decisive comparisons as text. Computed only for a finding, never on the fast path.
///
/// Waits on `Program.explain` from the CEL target (reads with origins, comparisons); until it
/// lands, findings carry no evidence.
enum Evidence {
    struct Explained {
        var items: [EvidenceItem] = []
        var comparisons: [String] = []
    }

    static func explain(_ program: Program, _ activation: Activation) -> Explained {
        Explained()
    }
}
