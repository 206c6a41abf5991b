import CEL
import Diagnostics
import RuleEngine
import Testing
import YAML

@Suite struct ParametersTests {
    private func add(_ text: String, file: String, to builder: inout ParametersBuilder) -> [String] {
        guard let root = YAMLLoader.load(text: text, file: file).root, let params = root["params"] else { return ["no params"] }
        return Parameters.load(params, file: file, into: &builder).map(\.description)
    }

    private let text = """
        params:
          supplementary_increase_vnd:
            basis: Luật PCTN 2018 Điều 36
            values:
              - {since: 2019-07-01, value: 300000000}
              - {since: 2026-07-01, value: 1000000000}
          cutoffs:
            value: {provincial: {male: 1965-01-01, female: 1970-01-01}}
          keywords:
            values: [{since: 2020-01-01, value: [kế toán, accounting]}]
        """

    private func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test func effectiveDatedValues() throws {
        var builder = ParametersBuilder()
        #expect(add(text, file: "r/a.yaml", to: &builder) == [])
        let params = builder.build()
        #expect(params.objectType.fields.map { "\($0.name): \($0.type)" } == [
            "supplementary_increase_vnd: int", "cutoffs: map(string, dyn)", "keywords: list(dyn)",
        ])
        #expect(params.parameter(named: "supplementary_increase_vnd")?.basis == "Luật PCTN 2018 Điều 36")
        func amount(_ date: CivilDate) -> Int64? {
            if case .int(let n)? = params.value(named: "supplementary_increase_vnd", on: date) { return n }
            return nil
        }
        #expect(amount(day(2018, 1, 1)) == 300_000_000)  // before the first since: the first value
        #expect(amount(day(2019, 7, 1)) == 300_000_000)
        #expect(amount(day(2026, 6, 30)) == 300_000_000)
        #expect(amount(day(2026, 7, 1)) == 1_000_000_000)
        #expect(params.value(named: "nope", on: day(2025, 1, 1)) == nil)
        let values = params.values(on: day(2027, 1, 1))
        guard case .int(1_000_000_000)? = values.field("supplementary_increase_vnd") else {
            Issue.record("params object")
            return
        }
        // Dates inside maps are dates.
        guard case .map(let cutoffs)? = values.field("cutoffs"), case .map(let provincial) = cutoffs.values[0],
            case .date(let male) = provincial.values[0]
        else {
            Issue.record("cutoffs map")
            return
        }
        #expect(male == day(1965, 1, 1))
    }

    @Test func namesAreUniqueAcrossFiles() {
        var builder = ParametersBuilder()
        _ = add(text, file: "r/a.yaml", to: &builder)
        let lines = add("params:\n  keywords: {value: []}\n", file: "r/b.yaml", to: &builder)
        #expect(lines == ["r/b.yaml:2:3: error: parameter 'keywords' is already declared at r/a.yaml:9:3 [params.duplicate]"])
        #expect(builder.build().parameters.count == 3)
    }

    @Test func badDeclarationsAreReported() {
        var builder = ParametersBuilder()
        let lines = add("""
            params:
              a: 5
              b: {values: [{since: 2025-02-30, value: 1}]}
              c: {values: [{since: 2025-01-01, value: 1}, {since: 2025-01-01, value: 2}]}
              d: {values: [{since: 2025-01-01, value: 1}, {since: 2026-01-01, value: x}], bases: y}
            """, file: "r.yaml", to: &builder)
        #expect(lines == [
            "r.yaml:2:6: error: expected a mapping with values for params.a, found a scalar [params.kind]",
            "r.yaml:3:24: error: invalid date for params.b.values[0].since; expected an existing date as YYYY-MM-DD [params.date]",
            "r.yaml:4:55: error: params.c.values has two entries since 2025-01-01 (the other at r.yaml:4:43) [params.duplicate-since]",
            "r.yaml:5:79: error: unknown key 'bases' in params.d; expected basis, policy, values or value; did you mean 'basis'? [params.unknown-key]",
            "r.yaml:5:74: error: the values of params.d differ in type: int and string [params.type]",
        ])
    }

    @Test func datedListsAreOldestFirstWithEverySinceADate() {
        var builder = ParametersBuilder()
        let lines = add("""
            params:
              e: {values: [{since: 2026-07-01, value: 2}, {since: 2019-07-01, value: 1}]}
              f: {values: []}
              g: {values: [{since: next year, value: 1}]}
              h: {values: [{since: 2019-07-01, value: 1, note: x}]}
            """, file: "r.yaml", to: &builder)
        #expect(lines == [
            "r.yaml:2:55: error: params.e.values[1].since 2019-07-01 comes before the entry above it (2026-07-01); list the entries oldest first [params.unsorted-since]",
            "r.yaml:3:15: error: expected a non-empty list of {since, value} for params.f.values [params.kind]",
            "r.yaml:4:24: error: invalid date for params.g.values[0].since; expected an existing date as YYYY-MM-DD [params.date]",
            "r.yaml:5:46: error: unknown key 'note' in params.h.values[0]; expected since and value [params.unknown-key]",
        ])
        #expect(builder.build().parameters.isEmpty)  // never loaded with an entry silently missing
    }

    @Test func policyIsABooleanAndSaysWhoSetIt() {
        var builder = ParametersBuilder()
        let lines = add("""
            params:
              window: {policy: true, basis: Set by the provincial inspection commission (5 years), value: 5}
              law: {policy: false, basis: Luật PCTN 2018 Điều 36, value: 3}
              plain: {value: 1}
              yes_string: {policy: yes, basis: Set by the committee, value: 5}
              quoted: {policy: 'true', basis: Set by the committee, value: 5}
              no_reason: {policy: true, value: 5}
              blank_reason: {policy: true, basis: '  ', value: 5}
            """, file: "r.yaml", to: &builder)
        #expect(lines == [
            "r.yaml:5:24: error: params.yes_string.policy must be true or false, found 'yes' [params.policy]",
            "r.yaml:6:20: error: params.quoted.policy must be true or false, found 'true' [params.policy]",
            "r.yaml:7:23: error: params.no_reason is marked policy: its basis must say who set the value and why (no legal text sets it) [params.policy-basis]",
            "r.yaml:8:26: error: params.blank_reason is marked policy: its basis must say who set the value and why (no legal text sets it) [params.policy-basis]",
        ])
        let params = builder.build()
        #expect(params.parameters.map(\.name) == ["window", "law", "plain"])
        #expect(params.parameters.map(\.policy) == [true, false, false])
    }

    @Test func untypedValuesFollowTheCoreSchema() {
        let root = YAMLLoader.load(text: "[1, 1.5, true, ~, '2025-01-10', 2025-01-10, no, {k: v}]", file: "v.yaml").root
        guard let root, case .success(.list(let list)) = untypedValue(root) else {
            Issue.record("a list")
            return
        }
        let kinds = list.elements.map { value -> String in
            switch value {
            case .int(let n): "int \(n)"
            case .double(let d): "double \(d)"
            case .bool(let b): "bool \(b)"
            case .null: "null"
            case .string(let s): "string \(s)"
            case .date(let d): "date \(d)"
            case .map(let m): "map \(m.keys.count)"
            default: "other"
            }
        }
        #expect(kinds == ["int 1", "double 1.5", "bool true", "null", "string 2025-01-10", "date 2025-01-10", "string no", "map 1"])
    }
}

@Suite struct UntypedKeysTests {
    @Test func typedKeysResolveAndCollectionKeysFail() throws {
        let root = try #require(YAMLLoader.load(text: "{1: a, true: b, c: d}", file: "k.yaml").root)
        guard case .success(.map(let typed)) = untypedValue(root, keys: .typed) else {
            Issue.record("a map")
            return
        }
        #expect(typed.keys.map(\.displayText) == ["1", "true", "\"c\""])
        guard case .success(.map(let text)) = untypedValue(root) else {
            Issue.record("a map")
            return
        }
        #expect(text.keys.map(\.displayText) == ["\"1\"", "\"true\"", "\"c\""])
        let bad = try #require(YAMLLoader.load(text: "? [1]\n: x\n", file: "k.yaml").root)
        guard case .failure(let error) = untypedValue(bad, keys: .typed) else {
            Issue.record("a failure")
            return
        }
        #expect(error.message == "map keys must be ints, strings or bools, not a list")
        #expect(error.location.line == 1 && error.location.column == 3)
    }
}
