import RuleEngine
import Testing

/// A finding's evidence explains the `let`s its `when` names, unless such a `let` can list no
/// read (`Program.mayListReads`): `ASSET-INCOME-RATIO`'s `monetary` sums assets of a `dyn`
/// declaration, and explaining it for every finding gave an empty list at some cost.
@Suite struct EvidenceBindingsTests {
    static let prepared = ShippedRulesTests.prepared()

    static func evidence(_ id: String) -> [String]? {
        prepared.compiled.rules.first { $0.rule.id == id }?.evidenceBindings.map(\.name)
    }

    @Test func onlyLetsThatCanListReadsAreExplained() {
        #expect(Self.evidence("ASSET-INCOME-RATIO") == [])
        #expect(Self.evidence("FAMILY-SECTOR-BUSINESS") == ["shared"])
        #expect(Self.evidence("DISC-RE-ELECTION") == ["bar", "minor"])
    }
}
