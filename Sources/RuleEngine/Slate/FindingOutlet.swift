/// Where one slate rule (or one part of its pairs) hands its findings as it makes them, a few
/// hundred at a time, so that a rule with many findings (a pair rule over a large slate)
/// never holds them all: into a `FindingSorter`, each tagged with its place in the order the
/// evaluator would have listed them — the rule's position, then the part (0 for the rule's
/// own loop, 1… for the parts of its pairs, which follow it), then the finding's sequence in
/// that part. Used by one thread at a time; each part has its own outlet.
final class FindingOutlet: @unchecked Sendable {
    private let sorter: FindingSorter
    private let rule: Int
    private let part: Int
    /// Findings handed over so far by this part.
    private var sequence: UInt64 = 0
    /// Findings kept before they are handed over.
    static let chunk = 256

    init(sorter: FindingSorter, rule: Int, part: Int = 0) {
        self.sorter = sorter
        self.rule = rule
        self.part = part
    }

    /// The outlet of part `part` of the same rule.
    func part(_ part: Int) -> FindingOutlet { FindingOutlet(sorter: sorter, rule: rule, part: part) }

    /// Hands `findings` over once there are `chunk` of them.
    func flushIfFull(_ findings: inout [Finding]) {
        if findings.count >= Self.chunk { flush(&findings) }
    }

    /// Hands `findings` over and empties the list.
    func flush(_ findings: inout [Finding]) {
        guard !findings.isEmpty else { return }
        // 16 bits of rule, 16 of part, 32 of sequence: order of the tags is order of the tuples.
        sorter.add(findings, tie: UInt64(rule) << 48 | UInt64(part) << 32 | sequence)
        sequence += UInt64(findings.count)
        findings.removeAll(keepingCapacity: true)
    }
}
