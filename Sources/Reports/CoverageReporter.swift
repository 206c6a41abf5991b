import Diagnostics
import RuleEngine

/// Renders `rules test --coverage`: a table for people, JSON for programs, and lcov
/// tracefiles (one record per rule file) so genhtml and coverage viewers mark the YAML lines
/// of each condition.
public enum CoverageReporter {
    /// A row per rule (cases, fired, passed, branches), the gaps (conditions not seen both
    /// ways), and the total.
    public static func text(_ report: CoverageReport) -> String {
        var rows: [[String]] = []
        for rule in report.rules {
            rows.append([
                rule.rule, String(rule.cases.count), String(rule.fired), String(rule.passed),
                "\(rule.coveredBranches)/\(rule.totalBranches)", percent(rule.coveredBranches, rule.totalBranches),
            ])
        }
        var text = TextTable.render(header: ["RULE", "CASES", "FIRED", "PASSED", "BRANCHES", "%"], rows: rows)
        let gaps = report.rules.flatMap { rule in rule.conditions.filter { $0.covered < 2 }.map { (rule.rule, $0) } }
        if !gaps.isEmpty {
            text += "\nconditions not seen both true and false:\n"
            for (rule, condition) in gaps {
                text += "  \(condition.location)  \(rule)  \(condition.expression): `\(oneLine(condition.text))` \(missing(condition))\n"
            }
        }
        text += "\nbranch coverage: \(report.coveredBranches)/\(report.totalBranches) (\(percent(report.coveredBranches, report.totalBranches)))\n"
        return text
    }

    /// What a condition was never seen as.
    static func missing(_ condition: CoverageReport.Condition) -> String {
        switch (condition.trueCount > 0, condition.falseCount > 0) {
        case (false, false): "never evaluated"
        case (true, false): "never false"
        case (false, true): "never true"
        case (true, true): ""
        }
    }

    public static func json(_ report: CoverageReport) -> String {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.key("rules")
        json.beginArray()
        for rule in report.rules {
            json.beginObject()
            json.field("rule", rule.rule)
            json.field("title", rule.title)
            location(rule.location, into: &json)
            json.field("fired", rule.fired)
            json.field("passed", rule.passed)
            json.key("branches")
            branches(rule.coveredBranches, rule.totalBranches, into: &json)
            json.key("cases")
            json.beginArray()
            for item in rule.cases {
                json.beginObject()
                json.field("name", item.name)
                json.field("kind", item.kind.rawValue)
                location(item.location, into: &json)
                json.field("outcome", item.failed ? "error" : item.fired ? "fired" : "passed")
                json.endObject()
            }
            json.endArray()
            json.key("conditions")
            json.beginArray()
            for condition in rule.conditions {
                json.beginObject()
                json.field("expression", condition.expression)
                json.field("text", oneLine(condition.text))
                location(condition.location, into: &json)
                json.field("true", condition.trueCount)
                json.field("false", condition.falseCount)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.key("total")
        branches(report.coveredBranches, report.totalBranches, into: &json)
        json.endObject()
        return json.output + "\n"
    }

    /// lcov tracefile: per rule file `SF`, each rule a function (`FN`/`FNDA`: the cases that
    /// ran it), each condition a block of two branches (`BRDA`, true then false; `-` when it
    /// never ran), each line holding a condition a `DA` line (how often it ran).
    public static func lcov(_ report: CoverageReport) -> String {
        var files: [String] = []
        var byFile: [String: [CoverageReport.RuleCoverage]] = [:]
        for rule in report.rules {
            if byFile[rule.location.file] == nil { files.append(rule.location.file) }
            byFile[rule.location.file, default: []].append(rule)
        }
        var out = ""
        for file in files {
            let rules = byFile[file] ?? []
            out += "TN:\nSF:\(file)\n"
            for rule in rules { out += "FN:\(rule.location.line),\(rule.rule)\n" }
            for rule in rules { out += "FNDA:\(rule.cases.count),\(rule.rule)\n" }
            out += "FNF:\(rules.count)\nFNH:\(rules.filter { !$0.cases.isEmpty }.count)\n"
            var lines: [Int: Int] = [:]
            var block = 0
            var found = 0
            var hit = 0
            for rule in rules {
                for condition in rule.conditions where condition.location.file == file {
                    let line = condition.location.line
                    let runs = condition.trueCount + condition.falseCount
                    let taken = runs == 0 ? ["-", "-"] : [String(condition.trueCount), String(condition.falseCount)]
                    out += "BRDA:\(line),\(block),0,\(taken[0])\nBRDA:\(line),\(block),1,\(taken[1])\n"
                    block += 1
                    found += 2
                    hit += condition.covered
                    lines[line] = max(lines[line] ?? 0, runs)
                }
            }
            out += "BRF:\(found)\nBRH:\(hit)\n"
            for line in lines.keys.sorted() { out += "DA:\(line),\(lines[line] ?? 0)\n" }
            out += "LF:\(lines.count)\nLH:\(lines.values.filter { $0 > 0 }.count)\nend_of_record\n"
        }
        return out
    }

    private static func location(_ location: SourceLocation, into json: inout JSONWriter) {
        json.field("file", location.file)
        json.field("line", location.line)
        json.field("column", location.column)
    }

    private static func branches(_ covered: Int, _ total: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.field("covered", covered)
        json.field("total", total)
        json.key("percent")
        let percent = total == 0 ? 100 : Double(covered) * 100 / Double(total)
        json.double((percent * 10).rounded(.down) / 10)
        json.endObject()
    }

    /// The total, as the text report writes it (`93.7%`).
    public static func percentText(_ report: CoverageReport) -> String {
        percent(report.coveredBranches, report.totalBranches)
    }

    static func percent(_ covered: Int, _ total: Int) -> String {
        let value = total == 0 ? 100 : Double(covered) * 100 / Double(total)
        let tenths = Int((value * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// The text with its line breaks and runs of spaces made single spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
