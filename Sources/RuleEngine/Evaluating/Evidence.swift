import CEL

/// The evidence of a finding: the dossier values the decisive part of `when` read, and its
/// decisive comparisons as text. Computed only for a finding, never on the fast path.
enum Evidence {
    /// The most values read a finding lists (`Explainer.maxReads` per expression).
    static let maxItems = 50

    struct Explained {
        var items: [EvidenceItem] = []
        var comparisons: [String] = []
    }

    /// Explains `when`; `lets`, the ones it names (such as a computed total, see
    /// `CompiledRule.evidenceBindings`), are explained too, so the values they read are
    /// evidence as well.
    static func explain(_ program: Program, lets: [CompiledRule.Binding], _ activation: Activation) -> Explained {
        let explanation = program.explain(activation, subexpressions: false)
        // The paths added, searched in place (a finding has a handful; hashing each into a set
        // cost more). One explanation's reads have distinct paths already (`Explainer.record`):
        // they are remembered only when a `let`'s reads are to be added after them.
        var seen: [String] = []
        var items: [EvidenceItem] = []
        items.reserveCapacity(min(explanation.reads.count + (lets.isEmpty ? 0 : 4), maxItems))
        var omittedReads = explanation.omittedReads
        func add(_ reads: [Explanation.Read]) {
            for read in reads {
                if !lets.isEmpty {
                    guard !seen.contains(read.origin.path) else { continue }
                    seen.append(read.origin.path)
                }
                guard items.count < maxItems else {
                    omittedReads += 1
                    continue
                }
                items.append(EvidenceItem(
                    location: FindingLocation(read.origin),
                    value: ValueText.evidence(read.value)))
            }
        }
        add(explanation.reads)
        for binding in lets {
            let explained = binding.program.explain(activation, subexpressions: false, comparisons: false)
            omittedReads += explained.omittedReads
            add(explained.reads)
        }
        var comparisons = explanation.comparisons
        let omitted = [(omittedReads, "values read"), (explanation.omittedComparisons, "comparisons")]
            .filter { $0.0 > 0 }.map { "\($0.0) more \($0.1)" }
        if !omitted.isEmpty { comparisons.append("… " + omitted.joined(separator: " and ") + " not shown") }
        return Explained(items: items, comparisons: comparisons)
    }

    /// Whether `text` uses `name` as a whole identifier.
    static func mentions(_ text: String, _ name: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let target = Array(name.unicodeScalars)
        guard !target.isEmpty, scalars.count >= target.count else { return false }
        func isIdentifier(_ scalar: Unicode.Scalar) -> Bool { scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        for start in 0...(scalars.count - target.count) where scalars[start..<start + target.count].elementsEqual(target) {
            let before = start == 0 || !isIdentifier(scalars[start - 1])
            let afterIndex = start + target.count
            let after = afterIndex == scalars.count || !isIdentifier(scalars[afterIndex])
            if before && after { return true }
        }
        return false
    }
}
