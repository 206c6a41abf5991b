import Foundation
import Testing
import TestSupport

/// `rules list`: every dated basis with its dates, every parameter with `policy` marked, in
/// text and JSON; a broken dated list is a located error and exit 2.
@Suite struct RulesListTests {
    static let rules = """
        format: rules/1
        examples_as_of: 2025-09-20
        params:
          lookback_years:
            policy: true
            basis: Set by the provincial inspection commission
            value: 5
          bar_months:
            basis: Quy định 80-QĐ/TW, Điều 18 khoản 7
            values:
              - {since: 2022-08-18, value: 30}
        rules:
          - id: DISC-ANY
            title: Any discipline
            severity: review
            basis:
              - {since: 2022-08-18, text: "Quy định 80-QĐ/TW, Điều 18 khoản 7"}
              - {since: 2025-10-08, text: "Quy định 377-QĐ/TW"}
            for_each: [d in discipline]
            when: d.date <= as_of && params.lookback_years > 0 && params.bar_months > 0
            message: "{{ d.form }}"
            examples: {triggers: [{discipline: [{system: party, form: warning, date: 2025-01-10}]}], passes: [{}]}

        """

    @Test func textShowsDatedBasesAndPolicyParameters() throws {
        let folder = try CLIFixtures.folder(["r/rules.yaml": Self.rules])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["rules", "list", "--rules", folder.appendingPathComponent("r").path])
        #expect(run.code == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { String($0) }
        #expect(lines.contains { $0.hasPrefix("DISC-ANY") && $0.hasSuffix("2022-08-18 – 2025-10-07: Quy định 80-QĐ/TW, Điều 18 khoản 7") })
        #expect(lines.contains { $0.hasSuffix("from 2025-10-08: Quy định 377-QĐ/TW") })
        #expect(lines.contains { $0.hasPrefix("lookback_years") && $0.contains(" policy ") && $0.contains(" always ") && $0.hasSuffix(" 5") })
        #expect(lines.contains { $0.hasPrefix("bar_months") && !$0.contains("policy") && $0.hasSuffix("from 2022-08-18  30") })
    }

    @Test func jsonListsBasesAndParameters() throws {
        let folder = try CLIFixtures.folder(["r/rules.yaml": Self.rules])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["rules", "list", "--format", "json", "--rules", folder.appendingPathComponent("r").path])
        #expect(run.code == 0, "\(run.stderr)")
        let object = try CLIFixtures.object(run.stdout)
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.first?["basis"] as? String == "Quy định 377-QĐ/TW")
        let bases = try #require(rules.first?["bases"] as? [[String: Any]])
        #expect(bases.map { "\($0["since"] ?? "") \($0["until"] as? String ?? "-") \($0["text"] ?? "")" } == [
            "2022-08-18 2025-10-07 Quy định 80-QĐ/TW, Điều 18 khoản 7", "2025-10-08 - Quy định 377-QĐ/TW",
        ])
        let params = try #require(object["params"] as? [[String: Any]])
        #expect(params.map { "\($0["name"] ?? "") \($0["policy"] as? Bool ?? false)" } == ["lookback_years true", "bar_months false"])
        let values = try #require(params.last?["values"] as? [[String: Any]])
        #expect(values.first?["since"] as? String == "2022-08-18")
        #expect(values.first?["value"] as? Int == 30)
    }

    @Test func policyAsAStringIsALocatedErrorAndExit2() throws {
        let broken = Self.rules.replacingOccurrences(of: "policy: true", with: "policy: yes")
        let folder = try CLIFixtures.folder(["r/rules.yaml": broken])
        defer { CLIFixtures.remove(folder) }
        let run = try runAppraise(["rules", "lint", folder.appendingPathComponent("r").path])
        #expect(run.code == 2)
        #expect(run.stdout.contains("rules.yaml:5:13: error: params.lookback_years.policy must be true or false, found 'yes' [params.policy]")
            || run.stderr.contains("rules.yaml:5:13: error: params.lookback_years.policy must be true or false, found 'yes' [params.policy]"))
    }
}
