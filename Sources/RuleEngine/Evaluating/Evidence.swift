import CEL

/// The evidence of a finding: the dossier values the decisive part of `when` read, and its
/// decisive comparisons as text. Computed only for a finding, never on the fast path.
enum Evidence {
    struct Explained {
        var items: [EvidenceItem] = []
        var comparisons: [String] = []
    }

    static func explain(_ program: Program, _ activation: Activation) -> Explained {
        let explanation = program.explain(activation)
        let items = explanation.reads.map { read in
            EvidenceItem(location: FindingLocation(read.origin.location, path: read.origin.path),
                         value: ValueText.evidence(read.value))
        }
        return Explained(items: items, comparisons: explanation.comparisons)
    }
}
