import Foundation
import Testing
import TestSupport

/// Runs every marked example of `docs/writing-rules.md`, so the guide cannot drift from the code:
/// `cel-eval` expressions against `appraise eval`, `yaml-rule` files through `rules lint` and
/// `rules test`, `lint-error` files against the `lint-output` shown after them, `shell` commands
/// against their output, and the field reference against `appraise schema --format markdown`.
/// Failures name the block's line in the guide.
@Suite struct GuideTests {
    @Test func theGuideHasExamplesOfEveryKind() throws {
        let kinds = Dictionary(grouping: try Guide.blocks(), by: \.kind).mapValues(\.count)
        #expect(kinds["cel-eval", default: 0] >= 10)
        #expect(kinds["yaml-rule", default: 0] >= 3)
        #expect(kinds["lint-error", default: 0] >= 10)
        #expect(kinds["lint-output"] == kinds["lint-error"])
        #expect(kinds["shell", default: 0] >= 2)
    }

    @Test(arguments: Guide.blocks("cel-eval"))
    func celEval(_ block: GuideBlock) throws {
        var options: [String] = []
        var expression: (text: String, line: Int)?
        for (offset, line) in block.lines.enumerated() {
            let where_ = "docs/writing-rules.md:\(block.line + offset + 1)"
            if line.hasPrefix("# with: ") {
                options = Guide.words(String(line.dropFirst("# with: ".count)))
            } else if line.hasPrefix("# => ") {
                let pending = try #require(expression, "\(where_): a result with no expression before it")
                let run = try runAppraise(["eval", "--as-of", "2025-09-20"] + options + ["--", pending.text])
                let actual = run.code == 0 ? run.stdout : (run.stderr.components(separatedBy: "\n").first ?? "")
                let expected = String(line.dropFirst("# => ".count))
                #expect(actual.trimmingCharacters(in: .newlines) == expected,
                        "docs/writing-rules.md:\(pending.line): \(pending.text)\n\(run.stderr)")
                expression = nil
            } else if !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty {
                #expect(expression == nil, "\(where_): the expression before has no '# =>' result")
                expression = (line, block.line + offset + 1)
            }
        }
        #expect(expression == nil, "\(block): the last expression has no '# =>' result")
    }

    @Test(arguments: Guide.blocks("yaml-rule"))
    func yamlRuleLintsAndTestsClean(_ block: GuideBlock) throws {
        let folder = try GuideWorkspace.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = block.fileName ?? "guide-rule.yaml"
        try GuideWorkspace.write(block.text, to: folder.appendingPathComponent(name))
        let lint = try runAppraise(["rules", "lint", name], cwd: folder)
        #expect(lint.code == 0 && lint.stderr.isEmpty, "\(block): rules lint says\n\(lint.stderr)")
        let test = try runAppraise(["rules", "test", name], cwd: folder)
        #expect(test.code == 0, "\(block): rules test says\n\(test.stdout)\(test.stderr)")
        #expect(!test.stdout.contains("\n0 passed"), "\(block): no example ran")
    }

    @Test(arguments: Guide.lintPairs())
    func lintErrorPrintsWhatTheGuideShows(_ pair: GuideLintPair) throws {
        let output = try #require(pair.output, "\(pair): no lint-output block follows it")
        let folder = try GuideWorkspace.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GuideWorkspace.write(pair.rule.text, to: folder.appendingPathComponent("my-rules.yaml"))
        let run = try runAppraise(["rules", "lint", "my-rules.yaml"], cwd: folder)
        #expect(run.stderr == output.text, "\(output) differs from what rules lint prints:\n\(run.stderr)")
        let isWarning = output.text.contains(": warning: ") && !output.text.contains(": error: ")
        #expect(run.code == (isWarning ? 0 : 2), "\(pair)")
    }

    @Test(arguments: Guide.blocks("shell"))
    func shellCommandsPrintWhatTheGuideShows(_ block: GuideBlock) throws {
        try Self.runTranscript(block)
    }

    /// Every `console` block of README.md and docs/ (issue 20: docs that cannot drift).
    @Test(arguments: Guide.consoleBlocks())
    func consoleBlocksPrintWhatTheDocsShow(_ block: GuideBlock) throws {
        try Self.runTranscript(block)
    }

    @Test func theReadmeAndDocsHaveConsoleBlocks() {
        let files = Set(Guide.consoleBlocks().map(\.file))
        #expect(files.isSuperset(of: ["README.md", "docs/cli.md"]), "\(files)")
    }

    /// Runs each `$ appraise ...` of a block in the guide's workspace (`rules/` and
    /// `candidates/` linked, the guide's rule files written) and compares what it prints,
    /// standard error then standard output, with the lines under it; digests and the
    /// workspace's path are normalised.
    static func runTranscript(_ block: GuideBlock) throws {
        let folder = try GuideWorkspace.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let commands = Guide.commands(of: block)
        #expect(!commands.isEmpty, "\(block): no '$ appraise' command")
        for command in commands {
            #expect(command.words.first == "appraise", "\(block.file):\(command.line): only appraise runs")
            let run = try runAppraise(Array(command.words.dropFirst()), cwd: folder)
            #expect(Guide.normalized(run.stderr + run.stdout, workspace: folder) == Guide.normalized(command.expected),
                    "\(block.file):\(command.line): the command prints\n\(run.stderr)\(run.stdout)")
        }
    }

    /// The field reference is `appraise schema --format markdown`, verbatim; `RECORD_GOLDENS=1`
    /// (or `scripts/update-guide-schema.sh`) regenerates it.
    @Test func fieldReferenceIsTheCurrentSchema() throws {
        let run = try runAppraise(["schema", "--format", "markdown"])
        #expect(run.code == 0)
        let text = try Guide.text()
        let begin = "<!-- schema:begin -->\n"
        let end = "<!-- schema:end -->"
        let start = try #require(text.range(of: begin), "no \(begin) marker")
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex), "no \(end) marker")
        let current = String(text[start.upperBound..<stop.lowerBound])
        if recordingGoldens {
            let updated = text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: run.stdout)
            try Data(updated.utf8).write(to: Guide.url, options: .atomic)
            Issue.record("Recorded the field reference of docs/writing-rules.md; run again without RECORD_GOLDENS")
            return
        }
        #expect(current == run.stdout, "the field reference is out of date: run scripts/update-guide-schema.sh")
    }
}
