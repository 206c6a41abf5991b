import Foundation
import Testing
import TestSupport

/// `appraise eval` and `appraise schema` end to end.
@Suite struct EvalAndSchemaCommandTests {
    @Test func evalPrintsTypedJSONAfterDoubleDash() throws {
        let run = try runAppraise(["eval", "--format", "json", "--", "-1 + 2"])
        #expect(run.code == 0)
        #expect(run.stdout == "{\"type\": \"int\", \"value\": 1}\n")
    }

    @Test func evalCheckErrorExits2WithACaret() throws {
        let run = try runAppraise(["eval", "1 +"])
        #expect(run.code == 2)
        #expect(run.stderr == "<expression>:1:4: error: unexpected end of expression [cel.syntax]\n    1 +\n       ^\n")
    }

    @Test func evalRuntimeErrorExits1() throws {
        let run = try runAppraise(["eval", "1 / 0"])
        #expect(run.code == 1)
        #expect(run.stderr == "error: division by zero\n    1 / 0\n      ^\n")
    }

    /// `eval` meets the budget a screening meets: past `--max-eval-steps` it is an evaluation
    /// error (exit 1) at the loop that ran over, never a hang.
    @Test func evalStopsAtItsStepBudget() throws {
        let loops = "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, a+b+c > 0)))"
        let within = try runAppraise(["eval", loops])
        #expect(within.code == 0 && within.stdout == "true\n")
        let over = try runAppraise(["eval", "--max-eval-steps", "1000", loops])
        #expect(over.code == 1)
        #expect(over.stderr.hasPrefix("error: cost limit: more than 1000 evaluation steps; raise it with --max-eval-steps\n"))
        #expect(try runAppraise(["eval", "--max-eval-bytes", "0", "1"]).code == 2)
    }

    @Test func schemaTextMarkdownAndJSONSchema() throws {
        let text = try runAppraise(["schema"])
        #expect(text.code == 0)
        #expect(text.stdout.hasPrefix("dossier: One candidate's dossier (format dossier/1).\n"))
        #expect(text.stdout.contains("  gender               enum                        Gender; the age cut-offs depend on it.\n                       values: male, female\n"))
        let markdown = try runAppraise(["schema", "--format", "markdown"])
        #expect(markdown.stdout.contains("| `birth_date` | date | required | Date of birth. |"))
        let json = try runAppraise(["schema", "--json-schema"])
        let object = try CLIFixtures.object(json.stdout)
        #expect(object["$ref"] as? String == "#/$defs/dossier")
        let alias = try runAppraise(["schema", "--format", "json-schema"])
        #expect(alias.stdout == json.stdout)
        let slate = try CLIFixtures.object(try runAppraise(["schema", "--json-schema", "--slate", "--strict"]).stdout)
        #expect(slate["$ref"] as? String == "#/$defs/slate_file")
        #expect(((slate["$defs"] as? [String: Any])?["slate"] as? [String: Any])?["additionalProperties"] as? Bool == false)
    }

    @Test func schemaWritesAtomicallyAndFailsOnABadSchema() throws {
        let folder = try CLIFixtures.folder(["rules/schema.yaml": "format: schema/1\nrecords: [\n"])
        defer { CLIFixtures.remove(folder) }
        let bad = try runAppraise(["schema", "--rules", "rules"], cwd: folder)
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("rules/schema.yaml:3:1: error:"), "\(bad.stderr)")
        let out = folder.appendingPathComponent("dossier.schema.json").path
        let written = try runAppraise(["schema", "--json-schema", "--output", out])
        #expect(written.code == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == (try runAppraise(["schema", "--json-schema"])).stdout)
    }
}
