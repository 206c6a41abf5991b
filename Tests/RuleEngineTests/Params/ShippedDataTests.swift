import CEL
import Foundation
import RuleEngine
import Testing
import YAML

/// The shipped `rules/calendar.yaml` and the `params:` of every shipped rule file load
/// cleanly (skipped when this checkout has no `rules/`).
@Suite struct ShippedDataTests {
    static let rules = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")

    @Test func calendarLoads() throws {
        let path = Self.rules.appendingPathComponent("calendar.yaml").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let (calendar, diagnostics) = CalendarLoader.load(YAMLLoader.load(text: text, file: "calendar.yaml").root, file: "calendar.yaml")
        #expect(diagnostics.map(\.description) == [])
        #expect(calendar.map { !$0.isWorkingDay(CivilDate(year: 2025, month: 9, day: 2)!) } == true)
    }

    @Test func parametersLoad() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.rules.path) else { return }
        var builder = ParametersBuilder()
        var lines: [String] = []
        for name in names.sorted() where name.hasSuffix(".yaml") && name != "schema.yaml" && name != "calendar.yaml" {
            let text = try String(contentsOfFile: Self.rules.appendingPathComponent(name).path, encoding: .utf8)
            guard let params = YAMLLoader.load(text: text, file: name).root?["params"] else { continue }
            lines += Parameters.load(params, file: name, into: &builder).map(\.description)
        }
        #expect(lines == [])
        let parameters = builder.build()
        #expect(parameters.parameter(named: "age_cutoffs")?.type == .map(key: .string, value: .dyn))
        #expect(parameters.value(named: "supplementary_increase_vnd", on: CivilDate(year: 2020, month: 1, day: 1)!).map { "\($0)" } != nil)
    }
}
