import Foundation
import Testing
import TestSupport

/// `docs/legal-basis.md` registers every shipped rule and parameter: its tables must name
/// exactly the rules and parameters of `rules/`, with their severity, dated bases, policy mark
/// and dated values as the rule files give them (`appraise rules list --format json`).
@Suite struct LegalRegisterTests {
    /// One row of a register table: its first cell (the id or name) and its cells by column name.
    struct Row {
        var key: String
        var cells: [String: String]
    }

    /// The rows of the markdown table whose header starts with `| FIRST |`.
    static func table(_ text: String, first: String) -> [Row] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let headerIndex = lines.firstIndex(where: { cells($0).first == first }) else { return [] }
        let header = cells(lines[headerIndex])
        var rows: [Row] = []
        for line in lines.dropFirst(headerIndex + 2) {
            guard line.hasPrefix("|") else { break }
            let values = cells(line)
            rows.append(Row(key: values.first ?? "", cells: Dictionary(uniqueKeysWithValues: zip(header, values))))
        }
        return rows
    }

    static func cells(_ line: String) -> [String] {
        guard line.hasPrefix("|") else { return [] }
        return line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `—` for no date, else the dates joined by `, `.
    static func dates(_ entries: [[String: Any]]) -> String {
        let sinces = entries.compactMap { $0["since"] as? String }
        return sinces.isEmpty ? "—" : sinces.joined(separator: ", ")
    }

    /// Every disagreement between the register text and the `rules list` JSON.
    static func mismatches(register: String, listing: [String: Any]) -> [String] {
        var problems: [String] = []
        let rules = listing["rules"] as? [[String: Any]] ?? []
        let params = listing["params"] as? [[String: Any]] ?? []
        let ruleRows = table(register, first: "rule")
        let paramRows = table(register, first: "parameter")
        func compare(_ kind: String, _ rows: [Row], _ actual: [String: [String: String]]) {
            var seen = Set<String>()
            for row in rows {
                guard seen.insert(row.key).inserted else {
                    problems.append("\(kind) \(row.key) is registered twice")
                    continue
                }
                guard let expected = actual[row.key] else {
                    problems.append("the register names \(kind) \(row.key), which is not in rules/")
                    continue
                }
                for (column, value) in expected.sorted(by: { $0.key < $1.key }) where row.cells[column] != value {
                    problems.append("\(kind) \(row.key): register says \(column) '\(row.cells[column] ?? "")', rules/ says '\(value)'")
                }
            }
            for key in actual.keys.sorted() where !seen.contains(key) {
                problems.append("\(kind) \(key) of rules/ is missing from the register")
            }
        }
        var ruleFacts: [String: [String: String]] = [:]
        for rule in rules {
            guard let id = rule["id"] as? String else { continue }
            ruleFacts[id] = [
                "severity": rule["severity"] as? String ?? "",
                "basis since": dates(rule["bases"] as? [[String: Any]] ?? []),
            ]
        }
        var paramFacts: [String: [String: String]] = [:]
        for param in params {
            guard let name = param["name"] as? String else { continue }
            paramFacts[name] = [
                "policy": (param["policy"] as? Bool ?? false) ? "yes" : "no",
                "values since": dates(param["values"] as? [[String: Any]] ?? []),
            ]
        }
        compare("rule", ruleRows, ruleFacts)
        compare("parameter", paramRows, paramFacts)
        return problems
    }

    static func listing() throws -> [String: Any] {
        let run = try runAppraise(["rules", "list", "--format", "json"])
        #expect(run.code == 0, "\(run.stderr)")
        return try CLIFixtures.object(run.stdout)
    }

    @Test func registerMatchesTheShippedRules() throws {
        let register = try String(
            contentsOf: CLIFixtures.root.appendingPathComponent("docs/legal-basis.md"), encoding: .utf8)
        let listing = try Self.listing()
        #expect((listing["rules"] as? [Any])?.count ?? 0 >= 30)
        #expect(Self.table(register, first: "rule").count == (listing["rules"] as? [Any])?.count)
        #expect(Self.table(register, first: "parameter").count == (listing["params"] as? [Any])?.count)
        #expect(Self.mismatches(register: register, listing: listing) == [])
    }

    /// The check fails on a missing or unknown entry, a wrong severity, dates or policy mark.
    @Test func registerCheckCanFail() throws {
        let listing: [String: Any] = [
            "rules": [
                ["id": "A-1", "severity": "review", "bases": [["since": "2022-08-18"], ["since": "2025-10-08"]]],
                ["id": "B-2", "severity": "note", "bases": [["since": NSNull()]]],
            ],
            "params": [["name": "window", "policy": true, "values": [["since": "2019-07-01"]]]],
        ]
        let register = """
            | rule | severity | basis since | text |
            |---|---|---|---|
            | A-1 | disqualify | 2022-08-18 | x |
            | C-3 | note | — | y |

            | parameter | policy | values since | text |
            |---|---|---|---|
            | window | no | 2019-07-01, 2026-07-01 | z |
            """
        #expect(Self.mismatches(register: register, listing: listing) == [
            "rule A-1: register says basis since '2022-08-18', rules/ says '2022-08-18, 2025-10-08'",
            "rule A-1: register says severity 'disqualify', rules/ says 'review'",
            "the register names rule C-3, which is not in rules/",
            "rule B-2 of rules/ is missing from the register",
            "parameter window: register says policy 'no', rules/ says 'yes'",
            "parameter window: register says values since '2019-07-01, 2026-07-01', rules/ says '2019-07-01'",
        ])
    }

    /// A finding cites the basis in force on `as_of`: Quy định 80 on 2025-09-20, Quy định 377 on
    /// 2025-10-20, in JSON and in CSV alike.
    @Test func shippedFindingCitesTheTextInForce() throws {
        func bases(_ asOf: String, _ format: String) throws -> String {
            let run = try runAppraise(["check", "--format", format, "--as-of", asOf, "candidates/vu-thi-mai.yaml"])
            #expect(run.code == 1, "\(run.stderr)")
            return run.stdout
        }
        func partyBar(_ json: String) throws -> String? {
            let candidates = try CLIFixtures.object(json)["candidates"] as? [[String: Any]] ?? []
            let findings = candidates.first?["findings"] as? [[String: Any]] ?? []
            return findings.first { $0["rule"] as? String == "DISC-PARTY-BAR" }?["basis"] as? String
        }
        #expect(try partyBar(bases("2025-09-20", "json")) == "Quy định 80-QĐ/TW (2022), Điều 18 khoản 7; Quy định 69-QĐ/TW (2022)")
        #expect(try partyBar(bases("2025-10-20", "json"))?.hasPrefix("Quy định 377-QĐ/TW (2025)") == true)
        #expect(try bases("2025-10-20", "csv").contains("Quy định 377-QĐ/TW (2025)"))
        #expect(try !bases("2025-10-20", "csv").contains("Quy định 80-QĐ/TW (2022), Điều 18 khoản 7;"))
    }
}
